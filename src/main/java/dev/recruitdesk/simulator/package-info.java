/**
 * An embedded SmartRecruiters account for demos, the command line and tests: {@link dev.recruitdesk.simulator.Simulator}
 * serves every endpoint of docs/wire-contract.md over real HTTP on 127.0.0.1, from seeded data
 * ({@link dev.recruitdesk.simulator.SimulatorConfig}). It is a second, independent reading of SmartRecruiters' shapes
 * and so shares no class with the app: only the JDK, Jackson, Datafaker and SLF4J.
 *
 * <p>Inside: {@code DemoData}/{@code DemoCatalog} draw the account; {@code SimStore} holds it behind one read-write
 * lock and renders JSON through {@code JsonViews}; {@code SrEndpoints} maps routes to the store; {@code SimHttpHandler}
 * does routing, authentication ({@code Credentials}) and rate limits ({@code RateLimiter}); {@code PartnerClock} is the
 * simulated assessment partner.
 */
package dev.recruitdesk.simulator;
