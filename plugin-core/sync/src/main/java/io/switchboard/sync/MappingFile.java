package io.switchboard.sync;

/**
 * The import/export file of a mapping set, JSON or YAML (same structure), also the form versions
 * are stored in:
 *
 * <pre>
 * format: switchboard-mapping/1
 * mappings:
 *   - bridge: customer.name
 *     target: requester
 *     crm: requester.RealName
 *     direction: both
 *     conflict: newest-wins
 *   - bridge: order.last.total
 *     target: ticket
 *     crm: cf.Last Order Total
 *     direction: to-crm
 *     transform: {type: number, scale: 2, withCurrency: true}
 * </pre>
 *
 * Reading checks the file's structure only (names, types, known keys); {@link MappingValidator}
 * checks it against the CRM.
 */
public final class MappingFile {
  public enum Format {
    JSON,
    YAML
  }

  private MappingFile() {}

  /** Reads JSON or YAML (told apart by content). */
  public static MappingSet read(String text) throws MappingFileException {
    throw new UnsupportedOperationException("TODO");
  }

  public static String write(MappingSet set, Format format) {
    throw new UnsupportedOperationException("TODO");
  }
}
