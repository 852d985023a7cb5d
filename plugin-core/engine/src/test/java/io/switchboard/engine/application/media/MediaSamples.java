package io.switchboard.engine.application.media;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Small files whose first bytes are what real ones start with. */
public final class MediaSamples {
  private MediaSamples() {}

  /** A PNG: signature and the start of its header chunk. */
  public static byte[] png() {
    return bytes(
        0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R', 0, 0, 0, 1,
        0, 0, 0, 1, 8, 6, 0, 0, 0);
  }

  /** A JPEG (JFIF) start. */
  public static byte[] jpeg() {
    return bytes(
        0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff,
        0xd9);
  }

  /** A Windows program: the DOS header, pointing at a PE header. */
  public static byte[] windowsProgram() {
    byte[] b = new byte[256];
    b[0] = 'M';
    b[1] = 'Z';
    b[0x3c] = (byte) 0x80; // e_lfanew
    b[0x80] = 'P';
    b[0x81] = 'E';
    return b;
  }

  public static byte[] pdf() {
    return "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
        .getBytes(StandardCharsets.US_ASCII);
  }

  public static byte[] shellScript() {
    return "#!/bin/sh\nrm -rf ~/\n".getBytes(StandardCharsets.US_ASCII);
  }

  public static byte[] text() {
    return "Order 1042: two blue mugs, please.\n".getBytes(StandardCharsets.UTF_8);
  }

  /** {@code n} bytes of a JPEG (padded). */
  public static byte[] jpegOf(int n) {
    return Arrays.copyOf(jpeg(), n);
  }

  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }
}
