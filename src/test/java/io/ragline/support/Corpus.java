package io.ragline.support;

import java.util.ArrayList;
import java.util.List;

/** Distinct small documents about distinct topics, each with a question only it answers. */
public final class Corpus {

    public record Doc(String id, String title, String text, String question) {
    }

    private static final String[][] TOPICS = {
        {"volcano", "Volcanoes", "Magma rises through the crust and erupts as lava from volcanic vents.", "How does lava come out of a volcano?"},
        {"photosynthesis", "Photosynthesis", "Plants convert sunlight, water and carbon dioxide into glucose and oxygen in their chloroplasts.", "How do plants turn sunlight into sugar?"},
        {"tides", "Ocean tides", "The gravitational pull of the moon raises tides in the oceans twice a day.", "What causes the tides of the sea?"},
        {"vaccines", "Vaccination", "Vaccines train the immune system to recognise a pathogen by exposing it to a harmless antigen.", "How do vaccines protect against disease?"},
        {"bread", "Baking bread", "Yeast ferments the sugars in dough, releasing carbon dioxide that makes the bread rise.", "Why does dough rise when baking bread?"},
        {"bitcoin", "Bitcoin mining", "Miners compete to find a hash below the difficulty target to append blocks to the blockchain.", "How are new blocks added to the bitcoin blockchain?"},
        {"chess", "Chess openings", "The Sicilian Defence answers white's king pawn opening with the c5 pawn move.", "Which chess defence replies to e4 with c5?"},
        {"rainbow", "Rainbows", "Sunlight refracts and reflects inside raindrops, splitting into a spectrum of colours.", "Why do rainbows appear after rain?"},
        {"coffee", "Coffee roasting", "Roasting green coffee beans triggers the Maillard reaction that develops aroma and brown colour.", "What happens chemically when coffee beans are roasted?"},
        {"glacier", "Glaciers", "Glaciers form where accumulated snow compresses into ice over centuries and flows downhill.", "How are glaciers formed?"},
        {"jazz", "Jazz improvisation", "Jazz musicians improvise melodies over chord progressions such as the twelve bar blues.", "What do jazz players improvise over?"},
        {"bees", "Honey bees", "Honey bees communicate the location of flowers to the hive with a waggle dance.", "How do bees tell each other where flowers are?"},
        {"tcp", "TCP handshake", "A TCP connection opens with a three way handshake of SYN, SYN-ACK and ACK packets.", "How is a TCP connection established?"},
        {"inflation", "Inflation", "Central banks raise interest rates to curb inflation by making borrowing more expensive.", "How do central banks fight rising prices?"},
        {"sleep", "Sleep cycles", "During REM sleep the brain is highly active and most vivid dreaming occurs.", "In which sleep phase do we dream the most?"},
        {"earthquake", "Earthquakes", "Earthquakes happen when stress between tectonic plates is suddenly released along a fault.", "What causes earthquakes?"},
        {"compost", "Composting", "Microbes decompose kitchen scraps and garden waste into nutrient rich compost.", "How does food waste become compost?"},
        {"solar", "Solar panels", "Photovoltaic cells in solar panels convert light directly into electric current.", "How do solar panels make electricity?"},
        {"pyramids", "Egyptian pyramids", "The Great Pyramid of Giza was built as a tomb for the pharaoh Khufu around 2560 BC.", "For which pharaoh was the Great Pyramid built?"},
        {"antibiotics", "Antibiotics", "Penicillin kills bacteria by stopping them from building their cell walls.", "How does penicillin kill bacteria?"},
        {"wine", "Wine making", "Grape juice ferments as yeast turns its sugar into alcohol to make wine.", "How is grape juice turned into wine?"},
        {"aurora", "Northern lights", "Charged particles from the solar wind collide with atmospheric gases, producing the aurora borealis.", "What makes the northern lights glow?"},
        {"marathon", "Marathon running", "A marathon race covers a distance of 42.195 kilometres.", "How long is a marathon race?"},
        {"dna", "DNA replication", "DNA polymerase copies each strand of the double helix during cell division.", "Which enzyme copies DNA?"},
        {"bridge", "Suspension bridges", "Suspension bridges hang their deck from cables strung between tall towers.", "How is the deck of a suspension bridge held up?"},
        {"origami", "Origami", "Origami is the Japanese art of folding a single sheet of paper into sculptures without cutting.", "What is the Japanese paper folding art called?"},
        {"whales", "Blue whales", "The blue whale is the largest animal ever known and feeds on tiny krill.", "What does the largest animal on earth eat?"},
        {"password", "Password hashing", "Passwords should be stored with a slow salted hash such as bcrypt or Argon2.", "How should passwords be stored in a database?"},
        {"olive", "Olive oil", "Extra virgin olive oil is cold pressed from fresh olives without chemical treatment.", "How is extra virgin olive oil produced?"},
        {"moon", "Moon landing", "Apollo 11 landed the first astronauts on the moon in July 1969.", "When did humans first land on the moon?"},
        {"thermostat", "Thermostats", "A thermostat switches the heating on and off to keep a room at the set temperature.", "What device keeps a room at a set temperature?"},
        {"sourdough", "Sourdough starter", "A sourdough starter is a culture of wild yeast and lactobacilli fed with flour and water.", "What lives in a sourdough starter?"},
        {"recycling", "Glass recycling", "Glass can be melted down and recycled endlessly without loss of quality.", "Can glass be recycled many times?"},
        {"lighthouse", "Lighthouses", "Lighthouses use a rotating lamp and Fresnel lens to warn ships away from rocks.", "How do lighthouses warn ships?"},
        {"kimchi", "Kimchi", "Kimchi is Korean fermented cabbage seasoned with chili, garlic and ginger.", "What is kimchi made from?"},
        {"cheetah", "Cheetahs", "The cheetah is the fastest land animal, sprinting at over 100 kilometres per hour.", "What is the fastest land animal?"},
        {"mars", "Mars", "Mars appears red because iron oxide dust covers its surface.", "Why is Mars red?"},
        {"piano", "Piano tuning", "A piano tuner adjusts the tension of each string with a tuning hammer.", "How is a piano tuned?"},
        {"coral", "Coral reefs", "Coral bleaching happens when warm water makes corals expel their symbiotic algae.", "What causes coral bleaching?"},
        {"bicycle", "Bicycle gears", "Bicycle gears change the ratio between pedal turns and wheel turns to ease climbing.", "Why do bicycles have gears?"},
        {"tea", "Green tea", "Green tea leaves are steamed or pan fired soon after picking to stop oxidation.", "Why is green tea not oxidised?"},
        {"submarine", "Submarines", "Submarines dive by flooding ballast tanks with seawater and surface by blowing them with air.", "How does a submarine dive and surface?"},
        {"owl", "Owls", "Owls hunt at night using exceptional hearing and silent flight feathers.", "How do owls hunt in the dark?"},
        {"cement", "Concrete", "Concrete hardens as cement reacts with water in a process called hydration.", "Why does concrete harden?"},
        {"saturn", "Saturn's rings", "Saturn's rings are made of countless pieces of ice and rock.", "What are Saturn's rings made of?"},
        {"cactus", "Cacti", "Cacti store water in thick stems and have spines instead of leaves to reduce evaporation.", "How do cacti survive in the desert?"},
        {"printing", "Printing press", "Johannes Gutenberg invented the movable type printing press around 1440.", "Who invented the printing press?"},
        {"hurricane", "Hurricanes", "Hurricanes draw their energy from warm ocean water evaporating into the atmosphere.", "Where do hurricanes get their energy?"},
        {"vinyl", "Vinyl records", "A record player's stylus follows the groove of a vinyl record to reproduce sound.", "How does a record player read a vinyl record?"},
        {"mushroom", "Mushrooms", "Mushrooms are the fruiting bodies of fungi that spread spores to reproduce.", "How do mushrooms reproduce?"},
        {"fencing", "Fencing", "Fencers score touches with a foil, epee or sabre while wearing electric scoring jackets.", "Which three weapons are used in fencing?"},
        {"battery", "Lithium batteries", "Lithium ion batteries move lithium ions between the anode and cathode when charging and discharging.", "How does a lithium ion battery store energy?"},
    };

    private Corpus() {
    }

    public static List<Doc> documents() {
        List<Doc> docs = new ArrayList<>();
        for (String[] topic : TOPICS) {
            docs.add(new Doc(topic[0], topic[1], topic[2], topic[3]));
        }
        return docs;
    }
}
