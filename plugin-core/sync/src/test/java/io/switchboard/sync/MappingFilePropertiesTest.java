package io.switchboard.sync;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class MappingFilePropertiesTest {
  @Property(tries = 300)
  void randomTextIsASetOrAMappingFileException(@ForAll String text) {
    assertReadIsSafe(text);
  }

  @Property(tries = 500)
  void mutatedFilesAreASetOrAMappingFileException(@ForAll("mutated") String text) {
    assertReadIsSafe(text);
  }

  @Provide
  Arbitrary<String> mutated() {
    String json = MappingFile.write(MappingFileTest.SAMPLE, MappingFile.Format.JSON);
    String yaml = MappingFile.write(MappingFileTest.SAMPLE, MappingFile.Format.YAML);
    return Combinators.combine(
            Arbitraries.of(json, yaml),
            Arbitraries.integers().between(0, 10_000),
            Arbitraries.integers().between(0, 20),
            Arbitraries.strings().withChars("{}[]:,\"' -\n0123456789abc").ofMaxLength(5))
        .as(
            (base, pos, cut, ins) -> {
              int at = pos % base.length();
              return base.substring(0, at)
                  + ins
                  + base.substring(Math.min(base.length(), at + cut));
            });
  }

  private static void assertReadIsSafe(String text) {
    try {
      assertThat(MappingFile.read(text)).isNotNull();
    } catch (MappingFileException e) {
      assertThat(e.problems()).isNotEmpty();
    }
  }
}
