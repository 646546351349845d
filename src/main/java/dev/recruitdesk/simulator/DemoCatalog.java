package dev.recruitdesk.simulator;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Fixed lists the demo account is drawn from: processes, partners, job titles, places and name locales. */
final class DemoCatalog {

    private DemoCatalog() {
    }

    static String fixedId(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * The first process has the IN_REVIEW step "Skills Test" that engineering jobs use; each process auto-triggers
     * one assessment on one IN_REVIEW step.
     */
    static List<SimHiringProcess> hiringProcesses() {
        return List.of(
                new SimHiringProcess(fixedId("process:engineering"), "Engineering Hiring", true, Map.of(
                        "IN_REVIEW", List.of("CV Screen", "Skills Test", "Hiring Manager Review"),
                        "INTERVIEW", List.of("Phone Screen", "Technical Interview", "Team Interview"),
                        "OFFERED", List.of("Offer Drafted", "Offer Sent")),
                        List.of(trigger("Skills Test", "partner:skillcheck", "Engineering Fundamentals"))),
                new SimHiringProcess(fixedId("process:standard"), "Standard Hiring", true, Map.of(
                        "IN_REVIEW", List.of("CV Screen", "Personality Questionnaire"),
                        "INTERVIEW", List.of("First Interview", "Final Interview"),
                        "OFFERED", List.of("Offer Sent")),
                        List.of(trigger("Personality Questionnaire", "partner:traitlens", "Work Style Profile"))),
                new SimHiringProcess(fixedId("process:leadership"), "Leadership Search", true, Map.of(
                        "IN_REVIEW", List.of("Shortlist", "Background Check"),
                        "INTERVIEW", List.of("Panel Interview", "Board Interview"),
                        "OFFERED", List.of("Reference Check", "Offer Sent")),
                        List.of(trigger("Background Check", "partner:veritrust", "Employment History (5 years)"))));
    }

    private static SimHiringProcess.AutoTrigger trigger(String step, String partnerKey, String packageName) {
        String partnerId = fixedId(partnerKey);
        return new SimHiringProcess.AutoTrigger("IN_REVIEW", step, partnerId,
                fixedId("package:" + partnerId + ":" + packageName));
    }

    static List<SimPartner> partners() {
        String skill = fixedId("partner:skillcheck");
        String trait = fixedId("partner:traitlens");
        String veri = fixedId("partner:veritrust");
        return List.of(
                new SimPartner(skill, "SkillCheck", "SKILLS_TEST", List.of(
                        pkg(skill, "Java Backend (Senior)", "Live coding and code review tasks on a small Spring-style "
                                + "service; scores correctness, design and testing.", "SKILLS_TEST", 90,
                                SimPackage.Outcome.PERCENTAGE),
                        pkg(skill, "Frontend Fundamentals", "HTML, CSS and TypeScript exercises in a browser IDE.",
                                "SKILLS_TEST", 60, SimPackage.Outcome.PERCENTAGE),
                        pkg(skill, "Engineering Fundamentals", "Algorithms, debugging and code reading in the "
                                + "candidate's language of choice.", "SKILLS_TEST", 50, SimPackage.Outcome.PERCENTAGE),
                        pkg(skill, "SQL and Data Modelling", "Queries, joins and schema design on a sample "
                                + "retail database.", "SKILLS_TEST", 45, SimPackage.Outcome.PERCENTAGE),
                        pkg(skill, "Business English (Written)", "Written communication graded on a letter scale "
                                + "by a human assessor.", "SKILLS_TEST", 40, SimPackage.Outcome.LETTER_GRADE))),
                new SimPartner(trait, "TraitLens", "PERSONALITY", List.of(
                        pkg(trait, "Work Style Profile", "Big Five based questionnaire with a team-fit report.",
                                "PERSONALITY", 25, SimPackage.Outcome.PERCENTAGE),
                        pkg(trait, "Leadership Potential", "Situational judgement scenarios for people leads; "
                                + "the invitation expires after 72 hours.", "PERSONALITY", 35,
                                SimPackage.Outcome.EXPIRES),
                        pkg(trait, "Sales Motivation Inventory", "Drivers, resilience and customer orientation.",
                                "PERSONALITY", 20, SimPackage.Outcome.PERCENTAGE))),
                new SimPartner(veri, "VeriTrust Background", "BACKGROUND_CHECK", List.of(
                        pkg(veri, "Identity and Right to Work", "Document and identity verification.",
                                "BACKGROUND_CHECK", 15, SimPackage.Outcome.VERDICT),
                        pkg(veri, "Employment History (5 years)", "Verification of previous employers and dates.",
                                "BACKGROUND_CHECK", 30, SimPackage.Outcome.VERDICT),
                        pkg(veri, "International Criminal Record", "Criminal record checks across countries of "
                                + "residence; not available for every jurisdiction.", "BACKGROUND_CHECK", 30,
                                SimPackage.Outcome.FAILS))));
    }

    private static SimPackage pkg(String partnerId, String name, String description, String type, int minutes,
                                  SimPackage.Outcome outcome) {
        return new SimPackage(fixedId("package:" + partnerId + ":" + name), partnerId, name, description, type,
                minutes, outcome);
    }

    /** Title and department; "Engineering" jobs use the process with the Skills Test step. */
    static final String[][] JOB_TITLES = {
        {"Senior Java Developer", "Engineering"}, {"Frontend Engineer (React)", "Engineering"},
        {"Data Engineer", "Engineering"}, {"DevOps Engineer", "Engineering"}, {"QA Automation Engineer", "Engineering"},
        {"Engineering Manager", "Engineering"}, {"Mobile Developer (Android)", "Engineering"},
        {"Product Manager", "Product"}, {"UX Designer", "Product"}, {"Account Executive", "Sales"},
        {"Sales Development Representative", "Sales"}, {"Customer Success Manager", "Customer Success"},
        {"Support Specialist (German speaking)", "Customer Success"}, {"Financial Controller", "Finance"},
        {"Payroll Specialist", "Finance"}, {"HR Business Partner", "People"}, {"Talent Acquisition Partner", "People"},
        {"Marketing Manager", "Marketing"}, {"Content Writer", "Marketing"}, {"Office Manager", "Operations"},
        {"Warehouse Team Lead", "Operations"}, {"Legal Counsel", "Legal"}, {"Chief Financial Officer", "Finance"},
        {"Data Analyst", "Engineering"}, {"Security Engineer", "Engineering"}, {"Graduate Trainee", "Operations"},
    };

    /** City, country, lower-case country code. */
    static final String[][] JOB_CITIES = {
        {"Kraków", "Poland", "pl"}, {"Warsaw", "Poland", "pl"}, {"Berlin", "Germany", "de"},
        {"Munich", "Germany", "de"}, {"Paris", "France", "fr"}, {"Lyon", "France", "fr"},
        {"Madrid", "Spain", "es"}, {"Barcelona", "Spain", "es"}, {"Prague", "Czechia", "cz"},
        {"London", "United Kingdom", "gb"}, {"New York", "United States", "us"},
        {"Austin", "United States", "us"}, {"Tokyo", "Japan", "jp"}, {"Dubai", "United Arab Emirates", "ae"},
    };

    record NameLocale(int index, Locale locale, int weight, String countryCode, String phonePrefix,
                      String[][] cities) {
    }

    static final NameLocale[] NAME_LOCALES = {
        new NameLocale(0, Locale.ENGLISH, 26, "us", "+1",
                new String[][] {{"New York", "United States"}, {"Austin", "United States"},
                    {"Chicago", "United States"}, {"Seattle", "United States"}}),
        new NameLocale(1, Locale.forLanguageTag("pl"), 12, "pl", "+48",
                new String[][] {{"Kraków", "Poland"}, {"Warszawa", "Poland"}, {"Wrocław", "Poland"},
                    {"Gdańsk", "Poland"}, {"Łódź", "Poland"}}),
        new NameLocale(2, Locale.forLanguageTag("de"), 10, "de", "+49",
                new String[][] {{"Berlin", "Germany"}, {"München", "Germany"}, {"Köln", "Germany"},
                    {"Düsseldorf", "Germany"}}),
        new NameLocale(3, Locale.forLanguageTag("fr"), 8, "fr", "+33",
                new String[][] {{"Paris", "France"}, {"Lyon", "France"}, {"Nîmes", "France"}}),
        new NameLocale(4, Locale.forLanguageTag("es"), 8, "es", "+34",
                new String[][] {{"Madrid", "Spain"}, {"Barcelona", "Spain"}, {"Málaga", "Spain"}}),
        new NameLocale(5, Locale.forLanguageTag("cs"), 5, "cz", "+420",
                new String[][] {{"Praha", "Czechia"}, {"Brno", "Czechia"}, {"České Budějovice", "Czechia"}}),
        new NameLocale(6, Locale.forLanguageTag("ru"), 7, "ru", "+7",
                new String[][] {{"Москва", "Russia"}, {"Санкт-Петербург", "Russia"}, {"Казань", "Russia"}}),
        new NameLocale(7, Locale.forLanguageTag("uk"), 6, "ua", "+380",
                new String[][] {{"Київ", "Ukraine"}, {"Львів", "Ukraine"}, {"Одеса", "Ukraine"}}),
        new NameLocale(8, Locale.forLanguageTag("ja"), 6, "jp", "+81",
                new String[][] {{"東京", "Japan"}, {"大阪", "Japan"}, {"京都", "Japan"}}),
        new NameLocale(9, Locale.forLanguageTag("zh-CN"), 6, "cn", "+86",
                new String[][] {{"北京", "China"}, {"上海", "China"}, {"深圳", "China"}}),
        new NameLocale(10, Locale.forLanguageTag("ar"), 6, "ae", "+971",
                new String[][] {{"دبي", "United Arab Emirates"}, {"أبو ظبي", "United Arab Emirates"}}),
    };

    static final int LOCALE_WEIGHT_TOTAL;

    static {
        int total = 0;
        for (NameLocale nl : NAME_LOCALES) {
            total += nl.weight();
        }
        LOCALE_WEIGHT_TOTAL = total;
    }

    static final String[] SOURCES = {"LinkedIn", "Career Site", "Indeed", "Employee Referral", "Agency", "Glassdoor"};

    /** Reserved example domains only, so no demo address can reach a real mailbox. */
    static final String[] EMAIL_DOMAINS = {"example.com", "example.net", "example.org", "mail.example"};

    static final String[] TAGS = {"java", "remote-ok", "relocation", "referral", "senior", "graduate", "german",
        "english-c1", "top-talent", "silver-medalist", "night-shift", "visa-needed"};

    static final String[] UNIVERSITIES = {"Jagiellonian University", "Technical University of Munich",
        "Sorbonne University", "University of Barcelona", "Charles University", "Lomonosov Moscow State University",
        "Taras Shevchenko National University of Kyiv", "University of Tokyo", "Tsinghua University",
        "American University of Sharjah", "University of Michigan", "Open University"};

    static final String[] DEGREES = {"BSc", "MSc", "BA", "MA", "MBA", "PhD", "Engineer"};

    static final String[] MAJORS = {"Computer Science", "Economics", "Psychology", "Mathematics", "Marketing",
        "Law", "Mechanical Engineering", "Finance", "Linguistics"};

    static final String[] COMPANIES = {"Northwind Traders", "Contoso", "Globex", "Initech", "Umbrella Logistics",
        "Stark Retail", "Wayne Analytics", "Hooli", "Vandelay Industries", "Soylent Foods"};

    static final String[] POSITIONS = {"Software Engineer", "Analyst", "Team Lead", "Consultant", "Specialist",
        "Coordinator", "Manager", "Intern"};
}
