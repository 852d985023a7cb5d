/** MicroProfile Health checks: database, secrets key, CRM reachability. */
package io.switchboard.engine.interfaces.health;
