package org.healthcode.local;

import static org.healthcode.local.DemoCity.field;

import java.io.Reader;
import java.io.Writer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import org.healthcode.local.DemoCity.Resident;

/**
 * The demo city's venues (every type, transport with its trip and carriage or cabin) and a day of
 * scans for its residents, made through the gateway as checkpoint1 and the residents' phones would:
 * {@code POST /api/v1/venues}, {@code POST /api/v1/scans} with the resident's current code, and
 * {@code POST /api/v1/me/venue-checkins} with a venue's poster code.
 *
 * <p>A scan happens at the platform's now, so "a day" cannot be spread over the hours: each
 * resident's day is an itinerary in its order (a trip, work or school, an errand, back home through
 * the community gate), and the whole city's day is scanned stop by stop, within a minute or so.
 * Every visit therefore falls inside every tracing window: whoever shared a venue with a case is a
 * close contact, and whoever met one of those at a later stop a degree-2 contact. The city has three
 * neighbourhoods and residents mostly keep to their own, so a case's trace covers its neighbourhood
 * (and whoever it met at the shared mall or school) rather than the whole city. Residents who did
 * not declare their way into green, or whose code is not green when they set out (a contact of an
 * earlier demo case), stay in: they only check in at their community's gate.
 *
 * <p>Idempotent across restarts: venue ids are kept in {@code .local/demo-city.properties} and reused
 * while the platform still knows them (there is no venue search); transport venues are one per trip
 * on the server side anyway. Scan ids are the day's and the resident's ({@code demo-<date>-<who>-<stop>}),
 * and the day is scanned once: a later start on the same day scans nothing new.
 */
final class DemoDay {

    /** A venue of the demo city; {@code key} names it in the state file. */
    record Place(String key, String name, String type, String address, String vehicle, String carriage) {

        static Place of(String key, String name, String type, String address) {
            return new Place(key, name, type, address, null, null);
        }

        boolean transport() {
            return vehicle != null;
        }
    }

    /** A stop of a resident's day: where, and whether they scan the poster themselves. */
    record Stop(int part, String place, boolean checkin) {
    }

    static final List<Place> PLACES = List.of(
            Place.of("community-1", "翠苑一区", "RESIDENTIAL_COMMUNITY", "杭州市西湖区文三路翠苑一区东门"),
            Place.of("community-2", "文鼎苑", "RESIDENTIAL_COMMUNITY", "杭州市西湖区文一西路文鼎苑北门"),
            Place.of("community-3", "嘉绿苑", "RESIDENTIAL_COMMUNITY", "杭州市西湖区嘉绿苑南门"),
            Place.of("community-4", "西溪花园", "RESIDENTIAL_COMMUNITY", "杭州市西湖区西溪花园1号门"),
            Place.of("community-5", "古荡新村", "RESIDENTIAL_COMMUNITY", "杭州市西湖区古荡新村西门"),
            Place.of("community-6", "求是村", "RESIDENTIAL_COMMUNITY", "杭州市西湖区求是村正门"),
            Place.of("company-1", "西溪软件园3号楼", "COMPANY", "杭州市西湖区文二西路西溪软件园3号楼大堂"),
            Place.of("company-2", "文三数码大厦", "COMPANY", "杭州市西湖区文三路数码大厦1楼"),
            Place.of("company-3", "黄龙科技中心", "COMPANY", "杭州市西湖区黄龙路科技中心A座"),
            Place.of("school", "文新小学", "SCHOOL", "杭州市西湖区文新路文新小学校门"),
            Place.of("mall", "西城广场购物中心", "MALL", "杭州市西湖区文一西路西城广场1号门"),
            Place.of("market", "翠苑农贸市场", "MARKET", "杭州市西湖区翠苑农贸市场"),
            Place.of("hospital", "西湖区社区卫生服务中心", "HOSPITAL", "杭州市西湖区文三路卫生服务中心门诊"),
            Place.of("park", "西溪湿地公园", "PARK", "杭州市西湖区天目山路西溪湿地周家村入口"),
            new Place("bus", "公交B1路", "BUS", "杭州市西湖区文三路公交站", "浙A3K172", "1"),
            new Place("train-05", "G7311 杭州东—上海虹桥 5车", "TRAIN", "杭州东站", "G7311", "05"),
            new Place("train-06", "G7311 杭州东—上海虹桥 6车", "TRAIN", "杭州东站", "G7311", "06"),
            new Place("flight", "CA1701 杭州—北京 经济舱", "FLIGHT", "杭州萧山国际机场", "CA1701", "Y"));

    private static final int NEIGHBOURHOODS = 3;
    /** The parts of a day, in order. */
    private static final int TRIP = 0;
    private static final int WORK = 1;
    private static final int ERRAND = 2;
    private static final int HOME = 3;
    /** checkpoint1 is one caller to the gateway's rate limit (20 a second): keep under it. */
    private static final long CHECKPOINT_GAP_NANOS = 1_000_000_000L / 15;

    private final DemoCity city;
    private final Path stateFile;
    private final LocalDate today;
    private final Properties state = new Properties();
    private final Map<String, String[]> venues = new LinkedHashMap<>(); // key -> {id, posterCode}
    private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    private long nextCheckpointCall;
    private String checkpoint;

    DemoDay(DemoCity city, Path stateFile, LocalDate today) {
        this.city = city;
        this.stateFile = stateFile;
        this.today = today;
    }

    /** Registers the venues and scans the day (unless done earlier today); answers a summary. */
    String run(List<Resident> residents) throws Exception {
        if (Files.exists(stateFile)) {
            try (Reader in = Files.newBufferedReader(stateFile, StandardCharsets.UTF_8)) {
                state.load(in);
            }
        }
        checkpoint = city.login("checkpoint1");
        int created = 0;
        for (Place place : PLACES) {
            created += venue(place) ? 1 : 0;
        }
        String communities = nameCommunities(residents);
        String day = today.toString();
        boolean scannedToday = day.equals(state.getProperty("scans.day")) && created == 0;
        String scans;
        if (scannedToday) {
            scans = "today's scans were made by an earlier start";
        } else {
            long started = System.nanoTime();
            scanTheDay(residents);
            state.setProperty("scans.day", day);
            scans = "today's scans: " + new TreeMap<>(counts()) + " in " + (System.nanoTime() - started) / 1_000_000_000L
                    + " s";
        }
        try (Writer out = Files.newBufferedWriter(stateFile, StandardCharsets.UTF_8)) {
            state.store(out, "demo city: venue ids by key, and the day last scanned");
        }
        return PLACES.size() + " venues of every type (" + created + " registered now), " + scans + "\n"
                + communities + "\n" + suggestion(residents);
    }

    /**
     * Every resident names their home as their residential community (naming the same one again
     * changes nothing), and the demo community worker community1 serves community-1.
     */
    private String nameCommunities(List<Resident> residents) throws Exception {
        int named = 0;
        for (Resident resident : residents) {
            for (Stop stop : itinerary(resident)) {
                if (stop.part() == HOME) {
                    HttpResponse<String> answer = city.call("PUT", "/api/v1/me/community", resident.token(),
                            Map.of("venueId", venues.get(stop.place())[0]));
                    named += answer.statusCode() == 200 ? 1 : 0;
                }
            }
        }
        String community = venues.get("community-1")[0];
        return named + " residents named their community; community1 (community worker) "
                + (city.assignCommunity("community1", community) ? "serves" : "could not be given (set its "
                + "communities attribute in Keycloak's admin console to") + " community-1, " + community;
    }

    /** The venue's id and poster code: the remembered one if the platform still has it, else a new one. */
    private boolean venue(Place place) throws Exception {
        String known = state.getProperty("venue." + place.key());
        if (known != null && !place.transport()) {
            HttpResponse<String> answer = city.call("GET", "/api/v1/venues/" + known, checkpoint, null);
            if (answer.statusCode() == 200) {
                venues.put(place.key(), new String[] {known, field(answer.body(), "posterCode")});
                return false;
            }
        }
        Map<String, Object> venue = new LinkedHashMap<>(Map.of("name", place.name(), "type", place.type(),
                "regionCode", "330106", "address", place.address()));
        if (place.transport()) {
            venue.putAll(Map.of("vehicle", place.vehicle(), "tripDate", today.toString(), "carriage", place.carriage()));
        }
        HttpResponse<String> answer = city.call("POST", "/api/v1/venues", checkpoint, venue);
        if (answer.statusCode() != 201 && answer.statusCode() != 200) {
            throw new IllegalStateException("registering venue " + place.key() + " answered " + answer.statusCode());
        }
        String id = field(answer.body(), "id");
        venues.put(place.key(), new String[] {id, field(answer.body(), "posterCode")});
        state.setProperty("venue." + place.key(), id);
        // 200: that carriage of today's trip was registered by an earlier start
        return answer.statusCode() == 201;
    }

    /** Part by part of the day, every resident's stop of that part. */
    private void scanTheDay(List<Resident> residents) throws Exception {
        Map<String, Boolean> deniedAt = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int part = TRIP; part <= HOME; part++) {
                List<Future<?>> work = new ArrayList<>();
                for (Resident resident : residents) {
                    for (Stop stop : itinerary(resident)) {
                        if (stop.part() == part && (part == HOME || !deniedAt.containsKey(resident.username()))) {
                            work.add(pool.submit(() -> visit(resident, stop, deniedAt)));
                        }
                    }
                }
                for (Future<?> each : work) {
                    each.get();
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    private Void visit(Resident resident, Stop stop, Map<String, Boolean> deniedAt) throws Exception {
        String[] venue = venues.get(stop.place());
        String id = "demo-" + today.format(DateTimeFormatter.BASIC_ISO_DATE) + "-" + resident.username() + "-"
                + stop.part();
        HttpResponse<String> code = null;
        if (stop.part() != HOME) {
            // the resident looks at their code before setting out
            code = city.call("GET", "/api/v1/me/code", resident.token(), null);
            if (code.statusCode() != 200 || !"GREEN".equals(field(code.body(), "colour"))) {
                count("stayed in, code not green");
                deniedAt.put(resident.username(), true);
                return null;
            }
        }
        if (stop.checkin()) {
            HttpResponse<String> answer = city.call("POST", "/api/v1/me/venue-checkins", resident.token(),
                    Map.of("venueCode", venue[1], "checkinId", id));
            count(answer.statusCode() == 200 ? "poster check-ins" : "poster check-ins answered " + answer.statusCode());
            return null;
        }
        Map<String, String> body = Map.of("token", field(code.body(), "token"), "venueId", venue[0], "scanId", id);
        HttpResponse<String> answer;
        while (true) {
            pace();
            answer = city.call("POST", "/api/v1/scans", checkpoint, body);
            if (answer.statusCode() != 429) {
                break;
            }
            Thread.sleep(1000L * Long.parseLong(answer.headers().firstValue("Retry-After").orElse("1")));
        }
        if (answer.statusCode() == 200) {
            String decision = field(answer.body(), "decision");
            if ("ALLOW".equals(decision)) {
                count("scans ALLOW");
            } else {
                count("scans DENY " + field(answer.body(), "reason"));
                deniedAt.put(resident.username(), true);
            }
        } else if (answer.statusCode() == 409) {
            count("scans recorded by an earlier start"); // SCAN_ID_REUSED: today's scan, another code
        } else {
            count("scans answered " + answer.statusCode());
        }
        return null;
    }

    /** Spaces checkpoint1's calls so that its rate limit is never the one to say no. */
    private void pace() throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            nextCheckpointCall = Math.max(nextCheckpointCall, now) + CHECKPOINT_GAP_NANOS;
            wait = nextCheckpointCall - CHECKPOINT_GAP_NANOS - now;
        }
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    /**
     * A resident's day, the same on every start. The city has three neighbourhoods (two communities,
     * a company, a way to travel and a place for errands each); residents mostly keep to their own,
     * the mall and the school are shared. Green residents (by their declaration profile): maybe a
     * trip, work or school, maybe an errand, then home. The others stay in.
     */
    static List<Stop> itinerary(Resident resident) {
        switch (resident.username()) {
            case "citizen1" -> {
                return List.of(new Stop(TRIP, "bus", false), new Stop(WORK, "company-1", false),
                        new Stop(ERRAND, "mall", false), new Stop(HOME, "community-1", true));
            }
            case "citizen3" -> {
                return List.of(new Stop(WORK, "company-1", false), new Stop(ERRAND, "market", true),
                        new Stop(HOME, "community-2", true));
            }
            default -> { }
        }
        int neighbourhood = resident.seed() % NEIGHBOURHOODS;
        String home = "community-" + (2 * neighbourhood + 1 + (resident.seed() / NEIGHBOURHOODS) % 2);
        if (!resident.green()) {
            return List.of(new Stop(HOME, home, true));
        }
        Random random = new Random(resident.seed() * 31L + 7);
        List<Stop> day = new ArrayList<>();
        if (random.nextInt(100) < 15) {
            String[][] ways = {{"bus"}, {"train-05", "train-06"}, {"flight", "bus"}};
            String[] mine = ways[neighbourhood];
            day.add(new Stop(TRIP, mine[random.nextInt(mine.length)], false));
        }
        int work = random.nextInt(100);
        if (work < 55) {
            day.add(new Stop(WORK, "company-" + (neighbourhood + 1), false));
        } else if (work < 70) {
            day.add(new Stop(WORK, "school", false));
        }
        int errand = random.nextInt(100);
        if (errand < 10) {
            day.add(new Stop(ERRAND, "mall", false));
        } else if (errand < 45) {
            String place = new String[] {"market", "park", "hospital"}[neighbourhood];
            day.add(new Stop(ERRAND, place, !place.equals("hospital")));
        }
        day.add(new Stop(HOME, home, true));
        return day;
    }

    /** A case to confirm for the demo: a resident who worked at company-1 with citizen1 and citizen3. */
    private String suggestion(List<Resident> residents) throws Exception {
        for (Resident resident : residents) {
            if (resident.username().startsWith("resident")
                    && itinerary(resident).stream().anyMatch(stop -> stop.place().equals("company-1"))) {
                HttpResponse<String> me = city.call("GET", "/api/v1/me", resident.token(), null);
                String subjectId = field(me.body(), "subjectId");
                return "Try a trace: " + resident.username() + " worked at " + name("company-1")
                        + " today with citizen1 and citizen3; with $token of authority1:\n"
                        + "  curl -H \"Authorization: Bearer $token\" -H 'Content-Type: application/json' "
                        + "http://127.0.0.1:8080/api/v1/cases -d '{\"subjectId\":\"" + subjectId
                        + "\",\"status\":\"CONFIRMED\"}'\n"
                        + "  and within seconds citizen1's and citizen3's codes are red (CLOSE_CONTACT); epi1 reads "
                        + "GET /api/v1/cases/{id}/contacts, /chain and /contacts.csv";
            }
        }
        return "";
    }

    private static String name(String key) {
        return PLACES.stream().filter(p -> p.key().equals(key)).findFirst().orElseThrow().name();
    }

    private void count(String outcome) {
        outcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
    }

    private Map<String, Long> counts() {
        Map<String, Long> counted = new LinkedHashMap<>();
        outcomes.forEach((k, v) -> counted.put(k, v.sum()));
        return counted;
    }
}
