package io.switchboard.connector.whatsapp;

import io.switchboard.connector.whatsapp.MediaDouble.Upload;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a {@code multipart/form-data} body (RFC 7578) the way a server would, for the stub. */
final class StubMultipart {

  private static final Pattern NAME = Pattern.compile("name=\"([^\"]*)\"");
  private static final Pattern FILE_NAME = Pattern.compile("filename=\"([^\"]*)\"");

  private StubMultipart() {}

  static Upload parse(String contentType, byte[] body) {
    Matcher b = Pattern.compile("boundary=\"?([^\";]+)\"?").matcher(contentType);
    if (!contentType.startsWith("multipart/form-data") || !b.find()) {
      return new Upload(Map.of(), null, null, null);
    }
    String text = new String(body, StandardCharsets.ISO_8859_1); // one char per byte
    Map<String, String> fields = new LinkedHashMap<>();
    String fileName = null;
    String fileType = null;
    byte[] file = null;
    for (String part : text.split("--" + Pattern.quote(b.group(1)))) {
      int headersEnd = part.indexOf("\r\n\r\n");
      if (headersEnd < 0) {
        continue;
      }
      String headers = part.substring(0, headersEnd);
      String content = part.substring(headersEnd + 4);
      if (content.endsWith("\r\n")) {
        content = content.substring(0, content.length() - 2);
      }
      Matcher name = NAME.matcher(headers);
      if (!name.find()) {
        continue;
      }
      Matcher fn = FILE_NAME.matcher(headers);
      if (fn.find()) {
        fileName =
            new String(fn.group(1).getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        Matcher type = Pattern.compile("(?i)content-type:\\s*([^\r\n]+)").matcher(headers);
        fileType = type.find() ? type.group(1).trim() : null;
        file = content.getBytes(StandardCharsets.ISO_8859_1);
      } else {
        fields.put(name.group(1), content);
      }
    }
    return new Upload(fields, fileName, fileType, file);
  }
}
