package io.switchboard.bench.baseline;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The baseline's JAX-RS application, under {@code /baseline/api} like the engine's {@code /api}.
 */
@ApplicationPath("/api")
public class BaselineApi extends Application {}
