package lab.yujian.bench.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One generator JVM ({@code lab.yujian.bench.agent.AgentMain}) and its command line: {@link #call} writes a
 * command and waits for its one-line reply. The process ends when its stdin closes, and is destroyed if
 * it has not ended 10 s after {@link #close}.
 */
final class AgentProcess implements AutoCloseable {

    private final Process process;
    private final PrintWriter in;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    private final String name;

    AgentProcess(String name, List<String> javaOptions, String classpath, List<String> args, Path log) throws IOException {
        this.name = name;
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions);
        command.addAll(List.of("-cp", classpath, "lab.yujian.bench.agent.AgentMain", "--name", name));
        command.addAll(args);
        process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readReplies, "agent-" + name + "-replies");
        reader.setDaemon(true);
        reader.start();
    }

    private void readReplies() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                replies.add(line);
            }
        } catch (IOException e) {
            replies.add("ERR agent output closed: " + e.getMessage());
        }
        replies.add("ERR agent " + name + " exited");
    }

    long pid() {
        return process.pid();
    }

    /** Sends one command and returns its reply; fails if the agent is gone or silent for 60 s. */
    synchronized String call(String command) {
        in.println(command);
        try {
            String reply = replies.poll(60, TimeUnit.SECONDS);
            if (reply == null) {
                throw new IllegalStateException("agent " + name + " did not answer " + command);
            }
            if (reply.startsWith("ERR")) {
                throw new IllegalStateException("agent " + name + ": " + reply + " (to " + command + ")");
            }
            return reply;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for agent " + name, e);
        }
    }

    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                in.println("EXIT");
                in.close();
            }
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
