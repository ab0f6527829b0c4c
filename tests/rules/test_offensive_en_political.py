"""English political and social tweets (issue 10, helper R2): the classes fixed on the dev half of
realistic_posts_en_political.yaml, each asserted on fresh sentences written for this file, with the
traps that must stay ok next to them.

- madness said of a person is name-calling ("she is crazy", "you're nuts"); said of a crowd, the
  prices, or in praise ("crazy about", "crazy good", "insane at this game") it is not;
- names that are person-only ("scum", "thugs", "lapdog") need only a pointer, "kind of" included;
  names with an everyday sense ("clown", "snowflake", "troll") only direct address next to them;
- everyday senses near a pronoun: an injury or a cold is nasty, a chore has trash, a driver is drunk;
- literal senses in games, shows, parades and the outdoors lower the score (the traitor in a game,
  clowns at a circus, a snake on a hiking trail);
- "calling her a traitor" reports an insult; "this is why" alone does not excuse a curse.
"""
import pytest

# fmt: off
CASES = [
    # (text, concern, verdict of that concern's finding or None for none, evidence as typed)
    ("@USER The governor is crazy as a loon", "offensive", "violation", ["governor is", "crazy"]),
    ("@USER he's totally nuts, vote him out", "offensive", "violation", ["he's", "nuts"]),
    ("@USER you're insane if you think that bill helps anyone", "offensive", "violation", ["you're", "insane"]),
    ("The line at the polling station was insane today", "offensive", None, []),
    ("They are insane, these prices at the pump", "offensive", None, []),
    ("My aunt is crazy about her roses", "offensive", None, []),
    ("@USER you're crazy good at debating, teach me", "offensive", None, []),
    ("@USER Tax cheats are the lowest kind of scum", "offensive", "violation", ["kind of", "scum"]),
    ("@USER The councilman is a lapdog for developers", "offensive", "violation", ["is", "lapdog"]),
    ("@USER bye troll", "offensive", "violation", ["bye", "troll"]),
    ("@USER this clown wants a second term?", "offensive", "violation", ["this", "clown"]),
    ("@USER keep crying snowflake", "offensive", "violation", ["keep crying", "snowflake"]),
    ("The senate is a clown car this week", "offensive", "violation", ["is a", "clown car"]),
    ("We booked a clown for the twins' birthday, worth every penny", "offensive", None, []),
    ("First snowflakes on the porch, the dog went wild", "offensive", None, []),
    ("The babies keep crying on this train, poor parents", "offensive", None, []),
    # everyday senses near a pronoun
    ("@USER he took a nasty fall at the rally, hope he is ok", "offensive", None, []),
    ("She caught a nasty flu after the campaign tour", "offensive", None, []),
    ("They take out the trash on Tuesdays here", "offensive", None, []),
    ("He was hit by a drunk driver on the highway", "offensive", None, []),
    ("@USER she's a nasty piece of work", "offensive", "violation", ["she's", "nasty", "piece of work"]),
    # literal senses lower the score: a mention, not a finding
    ("@USER my sister was the traitor in Among Us three rounds in a row", "offensive", "ok", ["was", "traitor"]),
    ("@USER those clowns at the circus juggled fire", "offensive", "ok", ["those clowns"]),
    ("On the hiking trail today, careful folks 🐍", "offensive", "ok", ["folks", "🐍"]),
    # reporting or condemning an insult; a curse is not excused by "this is why"
    ("@USER Calling him a liar is unfair, he corrected the record", "offensive", "ok", ["him", "liar"]),
    ("Shit like this is why turnout is low", "offensive", "caution", ["Shit"]),
    ("This is why we never call people idiots in class", "offensive", "ok", ["people", "idiots"]),
    # a person or a political camp called mad or a failure; a bill, a project, a crowd is not
    ("@USER Progressives are mentally ill, all of them", "offensive", "violation", ["Progressives are", "mentally ill"]),
    ("@USER Republicans are mentally unstable", "offensive", "violation", ["Republicans are", "mentally unstable"]),
    ("@USER the mayor is a total failure", "offensive", "violation", ["mayor is", "a total failure"]),
    ("The launch was a complete failure, back to the drawing board", "offensive", None, []),
    ("People living with mental illness deserve better care", "offensive", None, []),
    ("Democrats are crazy about the new candidate, packed rallies", "offensive", None, []),
    # kiss-offs and group jabs said with no profanity; crude "BS" at a claim is a caution
    ("@USER go pound sand, pal", "offensive", "violation", ["go pound sand"]),
    ("@USER another lying politician, shocker", "offensive", "violation", ["lying politician"]),
    ("@USER what a sad little man", "offensive", "violation", ["what a", "sad little man"]),
    ("@USER this is BS, read the bill", "offensive", "caution", ["this is BS"]),
    ("She has a BS in chemistry and a law degree", "offensive", None, []),
    # mockery of a user or their take, said with no profanity; the nouns of stupidity alone a caution
    ("@USER lmao stay triggered", "offensive", "violation", ["stay triggered"]),
    ("@USER garbage take, as usual", "offensive", "violation", ["garbage take"]),
    ("@USER the senator has lost his marbles", "offensive", "violation", ["lost his marbles"]),
    ("@USER he is a nut, ignore him", "offensive", "violation", ["he is", "a nut"]),
    ("My trainer is a nut about protein shakes", "offensive", None, []),
    ("@USER The sheer stupidity of this thread", "offensive", "caution", ["stupidity"]),
    ("The kids lost their marbles under the couch again", "offensive", None, []),
    # everyday compounds of name words are not names
    ("@USER troll farms pushed that hashtag all night", "offensive", None, []),
    ("@USER she's crazy popular in her district", "offensive", None, []),
    # political threats and a group called a disease: incitement (4(5)); history and the death penalty debate stay ok
    ("@USER the whole cabinet should be executed", "hate_speech", "violation", ["should be executed"]),
    ("@USER line them up against a wall, all of them", "hate_speech", "violation", ["line them up against a wall"]),
    ("@USER that judge deserves a bullet", "hate_speech", "violation", ["deserves a bullet"]),
    ("@USER the marchers should be run over", "hate_speech", "violation", ["should be run over"]),
    ("@USER Refugees are a cancer on this town", "hate_speech", "violation", ["Refugees", "are a cancer"]),
    ("The state senate is debating the death penalty again", "hate_speech", None, []),
    ("The couple was executed in 1953 after a trial many call unfair", "hate_speech", None, []),
    # chat profanity: plural "mfs" a crude word, "he sucks" aimed at someone, "hell naw" as crude as "hell no"
    ("@USER these mfs think we forgot the last shutdown", "offensive", "caution", ["mfs"]),
    ("@USER honestly he sucks, worst debate ever", "offensive", "violation", ["he sucks"]),
    ("@USER hell naw, not voting for that", "offensive", "caution", ["hell naw"]),
    ("This vacuum sucks up dog hair like magic", "offensive", None, []),
    # a person called a criminal (not a criminal lawyer); "ok Karen", "so-called journalists", "enemy of the people"
    ("@USER the governor is a criminal, plain and simple", "offensive", "violation", ["governor is", "a criminal"]),
    ("@USER my sister is a criminal defense attorney in Toledo", "offensive", None, []),
    ("@USER calm down Karen, it's a parking ticket", "offensive", "violation", ["calm down Karen"]),
    ("@USER Hi Karen, thanks for organising the food drive", "offensive", None, []),
    ("@USER more lies from the so-called journalists", "offensive", "violation", ["so-called journalists"]),
    # an @mention opening a reply is not an address to an everyday name after it; compassion is not diagnosis
    ("@USER snowflake obsidian is my favourite stone", "offensive", None, []),
    ("@USER the clown at the rally made balloon flags for the kids", "offensive", None, []),
    ("@USER He is mentally ill and needs treatment, not a cell", "offensive", None, []),
    ("@USER he sucks at golf but he is a great dad", "offensive", None, []),
    ("@USER Police say the thugs who robbed the store are still at large", "offensive", "ok", ["the", "thugs"]),
    # mocking nicknames for politicians are name-calling; the same words in plain senses are not
    ("@USER Sleepy Joe strikes again", "offensive", "violation", ["Sleepy Joe"]),
    ("@USER the dotard is at it again", "offensive", "violation", ["dotard"]),
    ("Joe was sleepy after the long flight home", "offensive", None, []),
    ("@USER the senator is a real piece of work", "offensive", "violation", ["senator", "a real piece of work"]),
    ("That mural is a piece of work by a local artist", "offensive", None, []),
    # negation: nobody is saying it
    ("@USER Nobody is saying you're crazy, just that the numbers are off", "offensive", "ok", ["you're", "crazy"]),
    ("@USER you're not crazy, I saw it too", "offensive", "ok", ["you're", "crazy"]),
    ("@USER that traitor steals every scene of the new spy series", "offensive", "ok", ["USER", "traitor"]),
    # an everyday name with a camp or a contemptuous adjective before it is name-calling
    ("Corrupt clowns running the statehouse again", "offensive", "violation", ["Corrupt", "clowns"]),
    ("@USER woke snowflakes melting down", "offensive", "violation", ["woke", "snowflakes"]),
    ("@USER the kids made paper snowflake ornaments for the tree", "offensive", None, []),
    # the same verbs in news, sport and plans are no threat
    ("@USER A driver tried to run him over in the crosswalk, police are looking for the car", "hate_speech", None, []),
    ("@USER Execute them flawlessly and you win the tournament, coach says", "hate_speech", None, []),
    ("@USER Wildfire threatens to burn their houses, evacuations ordered", "hate_speech", None, []),
    ("@USER the cat deserves a bullet point in the family newsletter", "hate_speech", None, []),
    ("@USER my little snowflake turned 5 today", "offensive", None, []),
    ("@USER that clown fish in the tank is my favourite", "offensive", None, []),
    ("@USER This snowflake photo from the storm is stunning", "offensive", None, []),
    ("@USER She's a failure analysis engineer at an aircraft maker", "offensive", None, []),
    ("@USER The media is crazy today, every channel has the same story", "offensive", None, []),
    ("@USER Women with a cancer diagnosis deserve faster appointments", "hate_speech", None, []),
    ("@USER Smoking is a cancer risk for men and women alike", "hate_speech", None, []),
    ("@USER he sucks it up and goes to work every day, respect", "offensive", None, []),
    ("@USER what a sad little puppy face", "offensive", None, []),
    ("@USER Another lying in state ceremony at the Capitol today", "offensive", None, []),
    ("@USER the soap scum in this motel was unreal", "offensive", None, []),
    ("@USER The thugs in that Broadway musical steal the show", "offensive", "ok", ["USER", "thugs"]),
    # a fair or a round of grants is no game: the insult next to it stands
    ("@USER the mayor cancelled the fair and the next round of grants, she's a spiteful old witch", "offensive",
     "violation", ["she's", "spiteful", "old witch"]),
]
# fmt: on


@pytest.mark.parametrize("text, concern, verdict, evidence", CASES)
def test_political_tweets(check, text, concern, verdict, evidence):
    finding = check(text, concern, "individual", verdict, evidence)
    if verdict is not None:
        assert finding.clause == ("4(5)" if concern == "hate_speech" else "4(6)")
