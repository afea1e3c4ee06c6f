package org.healthcode.declaration;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** Everything the application logs while open, as text (message, parameters, throwable and its trace). */
final class CapturedLogs implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Logger root = Logger.getLogger("");
    private final Handler handler = new Handler() {
        private final SimpleFormatter format = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            StringBuilder line = new StringBuilder(record.getLoggerName() + " " + format.formatMessage(record));
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    line.append(' ').append(parameter);
                }
            }
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                line.append(' ').append(trace);
            }
            lines.add(line.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    CapturedLogs() {
        handler.setLevel(Level.ALL);
        root.addHandler(handler);
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        root.removeHandler(handler);
    }
}
