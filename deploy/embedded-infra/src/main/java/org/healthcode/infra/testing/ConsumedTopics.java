package org.healthcode.infra.testing;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service consumes, as its own configuration says: each incoming channel on the Kafka
 * connector in {@code src/main/resources/application.properties}, with the topic it reads (the
 * channel's name unless {@code topic} is set) and the topic its dead letters go to. The one reader
 * of this for the tests that check documents and charts against the services.
 */
public record ConsumedTopics(String service, String channel, String topic, String deadLetterTopic) {

    private static final Pattern INCOMING = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.connector");

    /** The channels of {@code service} (a module directory under {@code repository}), by channel name. */
    public static List<ConsumedTopics> of(Path repository, String service) {
        Properties config = new Properties();
        Path file = repository.resolve(service).resolve("src/main/resources/application.properties");
        try (Reader in = Files.newBufferedReader(file)) {
            config.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<ConsumedTopics> channels = new ArrayList<>();
        for (String key : config.stringPropertyNames()) {
            Matcher incoming = INCOMING.matcher(key);
            if (incoming.matches() && "smallrye-kafka".equals(config.getProperty(key))) {
                String channel = incoming.group(1);
                String prefix = "mp.messaging.incoming." + channel + ".";
                channels.add(new ConsumedTopics(service, channel, config.getProperty(prefix + "topic", channel),
                        config.getProperty(prefix + "dead-letter-queue.topic", "dead-letter-topic-" + channel)));
            }
        }
        channels.sort(Comparator.comparing(ConsumedTopics::channel));
        return channels;
    }

    /** The channels of every one of {@code services}. */
    public static List<ConsumedTopics> of(Path repository, List<String> services) {
        List<ConsumedTopics> all = new ArrayList<>();
        services.forEach(service -> all.addAll(of(repository, service)));
        return all;
    }
}
