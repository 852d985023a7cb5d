package io.switchboard.engine.application.sync;

import io.switchboard.sync.MappingProblem;
import java.util.List;

/** A mapping set the CRM's schema (or the file format) does not allow; nothing was saved. */
public class MappingRefusedException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient List<MappingProblem> problems;

  public MappingRefusedException(List<MappingProblem> problems) {
    super(
        "the mapping is refused: "
            + String.join("; ", problems.stream().map(MappingProblem::message).toList()));
    this.problems = List.copyOf(problems);
  }

  /** One reason per field (and per file problem), in the order of the mappings. */
  public List<MappingProblem> problems() {
    return problems;
  }
}
