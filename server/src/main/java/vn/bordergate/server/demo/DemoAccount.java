package vn.bordergate.server.demo;

import vn.bordergate.common.workflow.Agency;
import vn.bordergate.common.workflow.Role;

/**
 * A login account the demo creates (password {@link DemoGate#DEMO_PASSWORD}).
 *
 * @param agency the officer's agency, null for other roles
 * @param description what the account is for, in English, for the README and the login screen
 */
public record DemoAccount(String username, Role role, Agency agency, String description) {}
