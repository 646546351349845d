package dev.recruitdesk.simulator;

import java.util.List;

/** An assessment partner reachable through the StackOne integration. */
record SimPartner(String id, String name, String type, List<SimPackage> packages) {
}
