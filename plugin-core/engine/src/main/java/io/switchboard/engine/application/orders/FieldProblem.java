package io.switchboard.engine.application.orders;

/**
 * One thing wrong with a pushed order.
 *
 * @param field the JSON path of the field ({@code items[1].unitPrice})
 * @param problem what is wrong with it, for the shop's developer
 */
public record FieldProblem(String field, String problem) {}
