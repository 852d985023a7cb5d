package io.switchboard.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.conditions.ArchConditions.be;
import static com.tngtech.archunit.lang.conditions.ArchConditions.beAssignableTo;
import static com.tngtech.archunit.lang.conditions.ArchConditions.beEnums;
import static com.tngtech.archunit.lang.conditions.ArchConditions.beInterfaces;
import static com.tngtech.archunit.lang.conditions.ArchConditions.beRecords;
import static com.tngtech.archunit.lang.conditions.ArchConditions.haveModifier;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import io.switchboard.spi.PluginConfig;
import java.util.Optional;

/**
 * The dependency rules of docs/architecture.md, checked on the compiled SPI, engine and plugins:
 * the SPI is plain Java, plugins see only the SPI and their HTTP and JSON libraries, the engine
 * knows plugins only through the SPI, and vendor JSON stays inside its plugin.
 *
 * <p>Every rule refuses to pass on an empty set of classes ({@code allowEmptyShould(false)}), so a
 * renamed package makes a rule fail instead of silently checking nothing.
 */
@AnalyzeClasses(
    packages = {
      "io.switchboard.spi",
      "io.switchboard.plugin.support",
      "io.switchboard.engine",
      "io.switchboard.connector",
      "io.switchboard.crm"
    },
    importOptions = {
      ImportOption.DoNotIncludeTests.class,
      SwitchboardArchitectureTest.NoTestJars.class
    })
class SwitchboardArchitectureTest {

  /** Test code shipped in plugins' test-jars (webhook builders) is not production code. */
  static final class NoTestJars implements ImportOption {
    @Override
    public boolean includes(com.tngtech.archunit.core.importer.Location location) {
      return !location.contains("-tests.jar") && !location.contains("/test-classes/");
    }
  }

  static final String SPI = "io.switchboard.spi..";
  static final String PLUGIN_SUPPORT = "io.switchboard.plugin.support..";
  static final String ENGINE = "io.switchboard.engine..";
  static final String CONNECTORS = "io.switchboard.connector..";
  static final String CRM_ADAPTERS = "io.switchboard.crm..";

  @ArchTest
  static final ArchRule spi_depends_only_on_the_jdk =
      classes()
          .that()
          .resideInAPackage(SPI)
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(SPI, "java..")
          .because("the SPI is small, container-free Java that every plugin can build on")
          .allowEmptyShould(false);

  @ArchTest
  static final ArchRule plugins_depend_only_on_the_spi_the_jdk_http_and_json =
      classes()
          .that()
          .resideInAnyPackage(CONNECTORS, CRM_ADAPTERS)
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              SPI,
              PLUGIN_SUPPORT,
              CONNECTORS,
              CRM_ADAPTERS,
              "org.apache.hc..",
              "org.jsoup..",
              "com.nimbusds..",
              "jakarta.json..",
              "java..",
              "javax.crypto..",
              "javax.net.ssl..")
          .because(
              "a plugin runs in any Jakarta EE server next to any other plugin: it may use only"
                  + " the SPI, the shared plugin support, the JDK (crypto and TLS included), Apache"
                  + " HttpClient 5, Jakarta JSON, jsoup (HTML to text) and Nimbus JOSE+JWT (CRM"
                  + " sign-on tokens)")
          .allowEmptyShould(false);

  @ArchTest
  static final ArchRule plugin_support_depends_only_on_the_spi_the_jdk_http_and_json =
      classes()
          .that()
          .resideInAPackage(PLUGIN_SUPPORT)
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              SPI,
              PLUGIN_SUPPORT,
              "org.apache.hc..",
              "jakarta.json..",
              "java..",
              "javax.crypto..",
              "javax.net.ssl..")
          .because(
              "plugin support is what plugins share: it may use no more than a plugin may, and"
                  + " never a plugin or the engine")
          .allowEmptyShould(false);

  @ArchTest
  static final ArchRule engine_knows_plugins_only_through_the_spi =
      noClasses()
          .that()
          .resideInAPackage(ENGINE)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(CONNECTORS, CRM_ADAPTERS)
          .because("plugins are found with java.util.ServiceLoader and used through the SPI")
          .allowEmptyShould(false);

  @ArchTest
  static final ArchRule plugins_do_not_depend_on_each_other =
      slices()
          .assignedFrom(new PluginSlices())
          .should()
          .notDependOnEachOther()
          .because("each plugin is a separate module an installation may leave out")
          .allowEmptyShould(false);

  @ArchTest
  static final ArchRule spi_public_types_are_roles_values_or_failures =
      classes()
          .that()
          .resideInAPackage(SPI)
          .and()
          .arePublic()
          .should(
              beInterfaces()
                  .or(beRecords())
                  .or(beEnums())
                  .or(beAssignableTo(Exception.class))
                  .or(be(PluginConfig.class).and(haveModifier(JavaModifier.FINAL))))
          .because(
              "the SPI offers interfaces for roles, records and enums for values and exceptions"
                  + " for classified failures; the one exception, PluginConfig, is a final class"
                  + " that validates options once")
          .allowEmptyShould(false);

  @ArchTest
  static final ArchRule domain_does_not_depend_on_jax_rs =
      noClasses()
          .that()
          .resideInAPackage("io.switchboard.engine.domain..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("jakarta.ws.rs..")
          .because("HTTP is an adapter at the edge (interfaces.rest), not part of the domain")
          .allowEmptyShould(false);

  @ArchTest
  static final ArchRule domain_does_not_depend_on_the_outer_layers_of_the_engine =
      noClasses()
          .that()
          .resideInAPackage("io.switchboard.engine.domain..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.switchboard.engine.application..",
              "io.switchboard.engine.infrastructure..",
              "io.switchboard.engine.interfaces..",
              "io.switchboard.engine.ledger..")
          .because("the domain is the centre of the hexagon: the other layers use it, not back")
          .allowEmptyShould(false);

  @ArchTest
  static final ArchRule vendor_json_models_stay_inside_their_plugin =
      classes()
          .that(
              describe(
                  "are in the model package of a plugin",
                  c -> PluginSlices.pluginOf(c).isPresent() && isModelPackage(c.getPackageName())))
          .should(beUsedOnlyWithinTheirOwnPlugin())
          .because("vendor JSON is translated at the edge and never crosses the SPI")
          .allowEmptyShould(false);

  private static boolean isModelPackage(String packageName) {
    String[] segments = packageName.split("\\.");
    return segments.length >= 5 && segments[4].equals("model");
  }

  private static ArchCondition<JavaClass> beUsedOnlyWithinTheirOwnPlugin() {
    return new ArchCondition<>("be used only within their own plugin") {
      @Override
      public void check(JavaClass model, ConditionEvents events) {
        String plugin = PluginSlices.pluginOf(model).orElseThrow();
        for (Dependency use : model.getDirectDependenciesToSelf()) {
          boolean samePlugin =
              PluginSlices.pluginOf(use.getOriginClass()).filter(plugin::equals).isPresent();
          if (!samePlugin) {
            events.add(SimpleConditionEvent.violated(use, use.getDescription()));
          }
        }
      }
    };
  }

  /**
   * One slice per plugin, named by its root package ({@code io.switchboard.connector.<name>} or
   * {@code io.switchboard.crm.<name>}); everything else is left out.
   */
  static final class PluginSlices implements SliceAssignment {

    static Optional<String> pluginOf(JavaClass javaClass) {
      String[] segments = javaClass.getPackageName().split("\\.");
      boolean plugin =
          segments.length >= 4
              && segments[0].equals("io")
              && segments[1].equals("switchboard")
              && (segments[2].equals("connector") || segments[2].equals("crm"));
      return plugin
          ? Optional.of(String.join(".", segments[0], segments[1], segments[2], segments[3]))
          : Optional.empty();
    }

    @Override
    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
      return pluginOf(javaClass).map(SliceIdentifier::of).orElse(SliceIdentifier.ignore());
    }

    @Override
    public String getDescription() {
      return "plugins (io.switchboard.connector.<name>, io.switchboard.crm.<name>)";
    }
  }
}
