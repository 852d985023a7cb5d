/**
 * What every plugin needs around HTTP and would otherwise copy: bounded {@code Retry-After}
 * parsing, constant-time HMAC-SHA256 webhook signatures, the retryable/permanent classification of
 * HTTP failures and a pooled Apache HttpClient 5. Not a plugin itself: plugins may depend on it, it
 * depends only on the SPI, the JDK and HttpClient 5.
 */
package io.switchboard.plugin.support;
