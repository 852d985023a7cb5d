package io.switchboard.spi.content;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A place on the map.
 *
 * <pre>{@code
 * new Location(new BigDecimal("25.2048"), new BigDecimal("55.2708"), "Dubai Mall", "Financial Centre Rd")
 * }</pre>
 *
 * @param latitude degrees north, exact as sent
 * @param longitude degrees east, exact as sent
 * @param name the place's name, or {@code null}
 * @param address its address, or {@code null}
 */
public record Location(BigDecimal latitude, BigDecimal longitude, String name, String address)
    implements InboundContent, OutboundContent {
  public Location {
    Objects.requireNonNull(latitude, "latitude");
    Objects.requireNonNull(longitude, "longitude");
  }

  @Override
  public String type() {
    return "location";
  }

  @Override
  public String summary() {
    StringBuilder s = new StringBuilder("Location: ");
    if (name != null) {
      s.append(name).append(", ");
    }
    if (address != null) {
      s.append(address).append(' ');
    }
    return s.append('(')
        .append(latitude.toPlainString())
        .append(", ")
        .append(longitude.toPlainString())
        .append(')')
        .toString();
  }
}
