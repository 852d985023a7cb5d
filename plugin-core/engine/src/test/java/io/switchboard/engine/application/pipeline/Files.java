package io.switchboard.engine.application.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Bytes of real file formats, as the CRM would hand them out (magic numbers first). */
final class Files {
  private Files() {}

  static byte[] jpeg(int size) {
    byte[] b = new byte[Math.max(size, 32)];
    byte[] head = {
      (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0x00, 0x01
    };
    System.arraycopy(head, 0, b, 0, head.length);
    return b;
  }

  static byte[] png() {
    byte[] b = new byte[64];
    byte[] head = {
      (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'
    };
    System.arraycopy(head, 0, b, 0, head.length);
    return b;
  }

  static byte[] pdf() {
    return "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"
        .getBytes(StandardCharsets.US_ASCII);
  }

  static byte[] exe() {
    byte[] b = new byte[256];
    Arrays.fill(b, (byte) 0);
    b[0] = 'M';
    b[1] = 'Z';
    b[0x3C] = (byte) 0x80;
    b[0x80] = 'P';
    b[0x81] = 'E';
    return b;
  }
}
