package io.switchboard.sync;

/**
 * Why a mapping is refused.
 *
 * @param index the mapping's position in its set (0-based), or -1 for the set as a whole
 * @param crmField the CRM field of that mapping, or {@code null}
 * @param property what is wrong: {@code bridgeField}, {@code crmField}, {@code direction}, {@code
 *     transform}, {@code conflict}, {@code defaultValue}
 * @param message the reason, in words an admin can act on
 */
public record MappingProblem(int index, String crmField, String property, String message) {}
