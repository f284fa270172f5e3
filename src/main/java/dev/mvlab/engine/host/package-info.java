/**
 * The engine's child processes and the files they own. {@code EngineSupervisor} (a main) is the engine host that
 * {@code mvlab engine start} leaves running: it holds the public port with {@code HttpRelay} (the door: credential,
 * browsers, per-client limits, query kill when the client goes) and runs chDB in a JVM of its own
 * ({@code ChdbProcess} launching {@code EngineHost}, the other main, which loads libchdb.so through JNA under the
 * Landlock {@code FileSandbox}), restarting it when it dies. {@code ChdbConfig}, {@code EngineGrants} and
 * {@code ServeRoles} write chDB's private config and users.
 *
 * <p>The only home of JNA, and besides {@code cli} of {@code System.exit} and printing (ArchitectureTest). Its public
 * entry, for the lifecycle in {@code dev.mvlab.engine} only: {@link dev.mvlab.engine.host.HostProcesses} (start the
 * supervisor, recognise its processes), the engine folder's {@link dev.mvlab.engine.host.EngineLayout}, the state
 * file the supervisor writes ({@link dev.mvlab.engine.host.SupervisorState}), the keys
 * ({@link dev.mvlab.engine.host.Credential}, {@link dev.mvlab.engine.host.PrivateFiles}), the user's
 * {@link dev.mvlab.engine.host.EngineAccess}; and serve's role names ({@link dev.mvlab.engine.host.ServeRoles}).
 * It imports nothing of {@code dev.mvlab.engine}: the arrow points one way.
 */
package dev.mvlab.engine.host;
