/**
 * Architecture rules (ArchUnit) over the compiled SPI, engine and plugins: who may depend on whom,
 * so that plugins stay portable and the engine knows them only through the SPI.
 */
package io.switchboard.architecture;
