/**
 * A tiny JSON reader and writer so the sandbox stays a dependency-free single jar; acceptable here
 * only because this is a demo tool that is never shipped with Switchboard.
 */
package io.switchboard.sandbox.whatsapp.json;
