package io.switchboard.engine.application.orders;

import java.util.List;
import java.util.stream.Collectors;

/** A pushed order that cannot be taken as it is; names each bad field. */
public class InvalidOrderException extends Exception {
  private final List<FieldProblem> problems;

  public InvalidOrderException(List<FieldProblem> problems) {
    super(
        problems.stream()
            .map(p -> p.field() + ": " + p.problem())
            .collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
