"""The site's texts: Swedish msgids, one per paragraph, written from the sourced facts in
shared/content/facts.md (each area's sources are listed with it and shown on its page).

Nothing here is invented: where the facts have no figure, name or address, the text says less.
Dated figures say so. English names that VGR does not publish are plain descriptive English.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import LazyString
from flask_babel import lazy_gettext as _l

Text = LazyString | str


@dataclass(frozen=True)
class Source:
    """A page a text is based on. ``hreflang``: the language of the linked page."""

    label: Text
    url: str
    hreflang: str


@dataclass(frozen=True)
class Body:
    paragraphs: tuple[Text, ...]
    sources: tuple[Source, ...] = ()


# Sources that more than one text is written from.
TILLVAXTVERKET_EU = Source(
    _l("Samverkan med EU – Tillväxtverket (på engelska)"),
    "https://tillvaxtverket.se/english/smart-specialisation/collaboration-in-the-eu.html",
    "en",
)
SCIENCE_PARKS = Source(
    _l("Science parks i Göteborgsregionen – investingothenburg.com (på engelska)"),
    "https://www.investingothenburg.com/master-collaboration/science-parks",
    "en",
)
VGR_STYRKEOMRADEN = Source(
    _l("Styrkeområden – Västra Götalandsregionen"),
    "https://www.vgregion.se/regional-utveckling/regional-utvecklingsstrategi/program-for-hallbar-omstallning/starka-innovationskraften/styrkeomraden/",
    "sv",
)
JOHANNEBERG_PROCESS_INDUSTRY = Source(
    _l("Fortsatt finansiering för västsvensk processindustri – Johanneberg Science Park"),
    "https://www.mynewsdesk.com/se/johannebergsciencepark/pressreleases/fortsatt-finansiering-saekrad-foer-en-vaestsvensk-fossiloberoende-och-konkurrenskraftig-processindustri-3189812",
    "sv",
)
S3_SMART_STORY = Source(
    _l("Smart specialisering i Västra Götaland – EU:s S3 Platform (på engelska)"),
    "https://s3platform.jrc.ec.europa.eu/w/smart-story-smart-specialisation-in-v%C3%A4stra-g%C3%B6taland",
    "en",
)


# The four groups (VGR's categorisation of 2017): what each group is.
GROUPS: dict[str, tuple[Text, ...]] = {
    "strength": (
        _l(
            "Styrkeområdena är den första av fyra grupper i den indelning av VG2020:s 13 "
            "områden som Västra Götalandsregionen publicerade 2017. Gruppen består av "
            "life science, hållbara transporter och grön kemi."
        ),
        _l(
            "I VG2020 var ambitionen att Västra Götaland skulle vara världsledande inom "
            "innovation i sina styrkeområden."
        ),
        _l(
            "I en beskrivning av Västra Götaland på EU:s plattform för smart "
            "specialisering, S3 Platform, räknas life science, transporter och grön kemi "
            "till regionens sex styrkeområden. Vart och ett av de sex områdena motsvaras "
            "av en av Västra Götalands sex science parks."
        ),
    ),
    "development": (
        _l(
            "Utvecklingsområdena är den andra gruppen i indelningen från 2017. Hit hör "
            "marin miljö/maritim näring, material och textil/mode."
        ),
        _l(
            "Alla tre områdena finns med bland de sex styrkeområden som EU:s S3 Platform "
            "lyfter fram i sin beskrivning av Västra Götaland, och vart och ett av dem "
            "kopplas där till en science park i regionen."
        ),
        _l(
            "I VG2020 lyftes marin miljö och marina sektorer fram som ett av fem särskilt "
            "utpekade områden, medan textil, mode och design fanns med bland övriga "
            "viktiga områden."
        ),
    ),
    "attractive-region": (
        _l(
            "Den tredje gruppen samlar fem områden som ses som förutsättningar för en "
            "attraktiv och hållbar region: livsmedel/gröna näringar, förnybar energi, "
            "kultur och kreativa näringar, besöksnäring och hållbar stadsutveckling."
        ),
        _l(
            "Många av VG2020:s områden drevs som program med koppling till olika "
            "samverkansplattformar."
        ),
        _l(
            "Livsmedel, förnybar energi, besöksnäring och kulturella och kreativa "
            "näringar återkommer i namnen på två av de fem styrkeområden som gäller i "
            "programmet Stärka innovationskraften 2022–2025."
        ),
    ),
    "knowledge-based": (
        _l(
            "Den fjärde gruppen består av två områden som är förutsättningar för "
            "kunskapsbaserad utveckling: IKT och hållbar produktion."
        ),
        _l(
            "Både informations- och kommunikationsteknik och produktion fanns med bland "
            "de viktiga områden som VG2020 pekade ut, vid sidan av de fem områden som "
            "strategin lyfte fram särskilt."
        ),
    ),
}

# The thirteen areas: two to five sentences each, most solid facts first, with sources.
AREAS: dict[str, Body] = {
    "life-science": Body(
        paragraphs=(
            _l(
                "Västra Götalandsregionen har beskrivit life science som ett område med en "
                "framträdande plats i regionens strategi för smart specialisering. Området "
                "bygger på Göteborgs universitet, Chalmers och Sahlgrenska "
                "Universitetssjukhuset, tillsammans med starka företag och ett stödsystem för "
                "innovation."
            ),
            _l(
                "I programmet för 2022–2025 ingår området i styrkeområdet Hälsa och life "
                "science. Enligt programmet har regionen 646 life science-företag, varav tio "
                "är värda över en miljard kronor, och branschen har fler än 10 000 anställda "
                "och omsätter över 113 miljarder kronor."
            ),
            _l("Life science-klustret i Göteborg är ett av de största i Norden."),
        ),
        sources=(
            Source(
                _l("Life science – Västra Götalandsregionen"),
                "https://www.vgregion.se/regional-utveckling/omraden/innovation/life-science/",
                "sv",
            ),
            VGR_STYRKEOMRADEN,
            Source(
                _l("Life science-programmet – Västra Götalandsregionen (på engelska)"),
                "https://www.vgregion.se/en/regional-development/program-for-hallbar-omstallning/programmes/life-science/",
                "en",
            ),
        ),
    ),
    "sustainable-transport": Body(
        paragraphs=(
            _l(
                "Västra Götalandsregionens program för hållbara transporter har omfattat hela "
                "transportsektorn. Det ska bidra till regionens mål om ett fossiloberoende "
                "Västra Götaland och till det nationella målet om en fossilfri fordonsflotta."
            ),
            _l(
                "Programmets mål har bland annat varit effektivare transporter med lägre "
                "fossila utsläpp, mer innovation genom samarbete, teknik som går att "
                "exportera och möjligheter att testa och demonstrera lösningar för "
                "kollektivtrafiken. EU:s S3 Platform lyfter fram regionens arbete med "
                "hållbara transporter och trafiksäkerhetssystem."
            ),
            _l(
                "Lindholmen Science Park i Göteborg är science park för transporter, IKT och media."
            ),
        ),
        sources=(
            Source(
                _l("Hållbara transporter – Västra Götalandsregionen (på engelska)"),
                "https://www.vgregion.se/link/f26d65b424454961bd9618d187410014.aspx?epslanguage=en",
                "en",
            ),
            S3_SMART_STORY,
            SCIENCE_PARKS,
        ),
    ),
    "green-chemistry": Body(
        paragraphs=(
            _l(
                "Stenungsund har Sveriges största kemikluster. Företagen där samarbetar i "
                "satsningen Hållbar kemi 2030 för att gå över till förnybara och återvunna "
                "råvaror."
            ),
            _l(
                "Enligt Johanneberg Science Park har kemiindustrin i Västra Götaland omkring "
                "8 500 anställda på 170 arbetsplatser, vilket är ungefär 30 procent av "
                "branschens sysselsättning i Sverige."
            ),
            _l(
                "Vinnova har inom Vinnväxt beviljat Västsvenska Kemi- och Materialklustret 51 "
                "miljoner kronor till den tioåriga satsningen Klimatledande Processindustri, "
                "som leds av Johanneberg Science Park tillsammans med RISE."
            ),
        ),
        sources=(
            Source(
                _l("Stenungsunds kemikluster ställer om till grönt – Business Region Göteborg"),
                "https://www.businessregiongoteborg.se/nyheter/stenungsunds-kemikluster-staller-om-till-gront",
                "sv",
            ),
            JOHANNEBERG_PROCESS_INDUSTRY,
        ),
    ),
    "marine-maritime": Body(
        paragraphs=(
            _l(
                "Regionfullmäktige antog en maritim strategi 2008. Ur den växte det "
                "västsvenska maritima klustret fram, som beskrivs som Sveriges första och "
                "enda breda maritima kluster."
            ),
            _l(
                "Klustret arbetar med marina livsmedel, maritim turism, maritima operationer, "
                "marin bioteknik och marin energi, med havsförvaltning som ett övergripande "
                "område. Bland parterna finns Västra Götalandsregionen, Chalmers, Göteborgs "
                "universitet, RISE, SSPA, Havs- och vattenmyndigheten och Länsstyrelsen."
            ),
            _l(
                "Västra Götalandsregionen har beskrivit Västra Götaland som ett nordiskt "
                "sjöfartscentrum tack vare Göteborgs hamn, och som ett centrum för marin "
                "forskning och för svenskt fiske."
            ),
        ),
        sources=(
            Source(
                _l("Maritima klustrets historia (på engelska)"),
                "https://www.maritimaklustret.se/en/about-us/history/",
                "en",
            ),
            Source(
                _l("Maritima klustrets samarbetspartner (på engelska)"),
                "https://www.maritimaklustret.se/en/about-us/collaborative-partners/",
                "en",
            ),
            Source(
                _l("Maritim strategi – Västra Götalandsregionen"),
                "http://www.vgregion.se/sv/Vastra-Gotalandsregionen/startsida/Regionutveckling/FoU/Maritim-strategi/",
                "sv",
            ),
        ),
    ),
    "materials": Body(
        paragraphs=(
            _l(
                "I EU:s S3 Platforms beskrivning av Västra Götaland är material ett av "
                "regionens sex styrkeområden, vart och ett kopplat till en av regionens "
                "science parks."
            ),
            _l(
                "Västsvenska Kemi- och Materialklustret samlar fler än 50 aktörer, bland "
                "annat stora petrokemiföretag, små och medelstora företag, kommuner och "
                "forskningsinstitut. Johanneberg Science Park, som Chalmers och Göteborgs "
                "Stad startade 2009, arbetar bland annat med material och nanovetenskap."
            ),
        ),
        sources=(
            S3_SMART_STORY,
            JOHANNEBERG_PROCESS_INDUSTRY,
        ),
    ),
    "textiles-fashion": Body(
        paragraphs=(
            _l(
                "Hösten 2022 startade Västra Götalandsregionen Textile Movement, som "
                "samordnas av Science Park Borås. Målet är att Västsverige ska bli en "
                "europeisk föregångare inom cirkulär textil."
            ),
            _l(
                "Redan regionens program för cirkulärt mode och hållbara miljöer 2017–2020 "
                "inriktades på cirkulär ekonomi inom textil, mode, inredning och möbler. Inom "
                "EU:s S3 Platform deltar Västra Götalandsregionen i partnerskapet Smart "
                "Regional Investments in Textile Innovation."
            ),
            _l(
                "Textile Fashion Center i Borås öppnade 2014 i en renoverad, hundra år gammal "
                "textilfabrik och samlar Borås Stad, Högskolan i Borås och näringslivet."
            ),
        ),
        sources=(
            Source(
                _l("Textile Movement – Västra Götalandsregionen"),
                "https://www.vgregion.se/regional-utveckling/regional-utvecklingsstrategi/kraftsamlingar/cirkulara-affarsmodeller/textile-movement/",
                "sv",
            ),
            TILLVAXTVERKET_EU,
        ),
    ),
    "food-agriculture": Body(
        paragraphs=(
            _l(
                "Västra Götaland har en stark livsmedelssektor och goda förutsättningar för "
                "jordbruk, trädgårdsodling, fiske och produktion av livsmedel från havet."
            ),
            _l(
                "Programmet för livsmedel och gröna näringar 2017–2020 hade som mål mer "
                "innovation genom samverkan, en mer hållbar produktion och konsumtion av "
                "livsmedel och fler jobb, med fokus på kompetens och små och medelstora "
                "företag."
            ),
            _l(
                "Lantmännen har beslutat att investera drygt en miljard kronor i en fabrik "
                "för ärtprotein i Lidköping, planerad till 2026. I programmet för 2022–2025 "
                "ingår området i styrkeområdet Livsmedel, biobaserade material och förnybar "
                "energi."
            ),
        ),
        sources=(
            Source(
                _l("Food and Agriculture – Västra Götalandsregionen (på engelska)"),
                "https://www.vgregion.se/en/regional-development/program-for-hallbar-omstallning/programmes/food-and-agriculture/",
                "en",
            ),
            Source(
                _l("Livsmedel och gröna näringar – Västra Götalandsregionen"),
                "https://hh.vgregion.se/regional-utveckling/program-for-hallbar-omstallning/program/livsmedel-och-grona-naringar/",
                "sv",
            ),
        ),
    ),
    "renewable-energy": Body(
        paragraphs=(
            _l(
                "Västra Götalandsregionen och Länsstyrelsen har ett gemensamt mål om att "
                "Västra Götaland ska vara en fossiloberoende region 2030, inom satsningen "
                "Klimat 2030 – Västra Götaland ställer om."
            ),
            _l(
                "Länet har hela Sveriges petrokemiska industri och större delen av "
                "fordonsindustrin och använder därför mycket energi. Regionens "
                "handlingsprogram för hållbar energi 2013–2015 syftade till lägre "
                "energianvändning, effektivare produktion, distribution och användning av "
                "energi och mer förnybar energi."
            ),
            _l(
                "I programmet för 2022–2025 ingår förnybar energi i styrkeområdet Livsmedel, "
                "biobaserade material och förnybar energi."
            ),
        ),
        sources=(
            Source(
                _l("Regionala mål och strategier för energi och klimat – Länsstyrelsen"),
                "http://www.lansstyrelsen.se/VastraGotaland/Sv/miljo-och-klimat/klimat-och-energi/Energi-och-klimatpaverkan/regionala-mal-och-strategier/Pages/index.aspx",
                "sv",
            ),
            VGR_STYRKEOMRADEN,
        ),
    ),
    "cultural-creative": Body(
        paragraphs=(
            _l(
                "Västra Götalandsregionen har beskrivit de kulturella och kreativa näringarna "
                "som ett styrkeområde. Programmet för kulturella och kreativa näringar "
                "2018–2020 drevs gemensamt av kulturnämnden och regionutvecklingsnämnden, som "
                "satte av 2 miljoner kronor var per år. Spel, musik och media var några av de "
                "branscher som lyftes fram."
            ),
            _l(
                "Enligt äldre siffror från regionen stod de kulturella och kreativa "
                "näringarna för 3,1 procent av Sveriges BNP, och omkring 16 procent av "
                "landets cirka 128 000 företag i branschen fanns i Västra Götaland."
            ),
            _l(
                "I programmet för 2022–2025 ingår området i styrkeområdet Besöksnäring samt "
                "kulturella och kreativa näringar."
            ),
        ),
        sources=(
            Source(
                _l("Kulturella och kreativa näringar – Västra Götalandsregionen"),
                "https://www.vgregion.se/regional-utveckling/program-for-hallbar-omstallning/program/kulturella-och-kreativa-naringar/",
                "sv",
            ),
            Source(
                _l(
                    "Kulturnämnden avsätter 2 miljoner kronor per år till kulturella och kreativa "
                    "näringar – pressmeddelande"
                ),
                "https://news.cision.com/se/vgr-kultur/r/kulturnamnden-avsatter-2-miljoner-kronor-per-ar-till-program-for-kulturella-och-kreativa-naringar,c2498379",
                "sv",
            ),
        ),
    ),
    "tourism": Body(
        paragraphs=(
            _l(
                "Västsvenska Turistrådet (Turistrådet Västsverige) är ett bolag som Västra "
                "Götalandsregionen äger helt. Bolaget utvecklar och marknadsför Västsverige "
                "som resmål."
            ),
            _l(
                "En av prioriteringarna i VG2020 var att satsa på internationella möten, "
                "evenemang och besöksnäringen. År 2013 omsatte besöksnäringen i regionen 34 "
                "miljarder kronor, enligt äldre siffror från Västra Götalandsregionen."
            ),
            _l(
                "I programmet för 2022–2025 ingår besöksnäringen i styrkeområdet Besöksnäring "
                "samt kulturella och kreativa näringar."
            ),
        ),
        sources=(
            Source(
                _l("VG2020: En region som syns och engagerar – Västra Götalandsregionen"),
                "https://www.vgregion.se/regional-utveckling/regional-utvecklingsstrategi-for-vastra-gotaland-2021-2030/regional-utvecklingsstrategi/strategi-for-tillvaxt-och-utveckling/en-region-som-syns-och-engagerar/",
                "sv",
            ),
            Source(
                _l("Kultur-, besöks- och upplevelsenäring – Västra Götalandsregionen (äldre sida)"),
                "http://www.vgregion.se/sv/Vastra-Gotalandsregionen/startsida/Regionutveckling/Naringsliv/Kultur--besoks-och-upplevelsenaring/",
                "sv",
            ),
        ),
    ),
    "urban-development": Body(
        paragraphs=(
            _l(
                "I VG2020 var hållbar stadsutveckling ett av fem områden som lyftes fram "
                "särskilt, med ambitionen att Västra Götaland skulle vara världsledande inom "
                "innovation i sina styrkeområden."
            ),
            _l(
                "Mistra Urban Futures, ett internationellt forsknings- och kunskapscentrum "
                "för hållbar stadsutveckling, grundades i Göteborg och har letts därifrån, "
                "med plattformar på flera håll i världen, bland annat i Kisumu och Kapstaden. "
                "Johanneberg Science Park, som Chalmers och Göteborgs Stad startade 2009, "
                "arbetar bland annat med stadsutveckling."
            ),
        ),
        sources=(
            Source(
                _l("VG2020: En ledande kunskapsregion – Västra Götalandsregionen"),
                "https://www.vgregion.se/regional-utveckling/regional-utvecklingsstrategi-for-vastra-gotaland-2021-2030/regional-utvecklingsstrategi/strategi-for-tillvaxt-och-utveckling/en-ledanade-kunskapsregion/",
                "sv",
            ),
            Source(
                _l("Johanneberg Science Park – SusLab (på engelska)"),
                "http://suslab.eu/partners/johanneberg-science-park/",
                "en",
            ),
        ),
    ),
    "ict": Body(
        paragraphs=(
            _l(
                "Enligt Business Region Göteborg finns fler än 5 300 IKT-företag i "
                "Västsverige med omkring 26 500 specialister. Styrkorna finns bland annat "
                "inom inbyggda system, infrastruktur och moln, mobil teknik, mikrovågsteknik "
                "samt visualisering och spel."
            ),
            _l(
                "Lindholmen Science Park i Göteborg är science park för transporter, IKT och "
                "media. I Skövde har spelföretag vuxit fram vid Gothia Science Park."
            ),
        ),
        sources=(
            Source(
                _l("IKT – Business Region Göteborg (på engelska)"),
                "https://businessregiongoteborg.se/en/focus-areas/ict-information-and-communication-technology",
                "en",
            ),
            SCIENCE_PARKS,
        ),
    ),
    "sustainable-production": Body(
        paragraphs=(
            _l(
                "När Västra Götalandsregionen satsade 21 miljoner kronor på projektet "
                "Springboard vid Produktionstekniskt Centrum (PTC) i Trollhättan pekade "
                "regionen ut hållbar produktion och hållbara transporter som områden för "
                "specialisering."
            ),
            _l(
                "PTC vid Innovatum startades 2008 tillsammans med dåvarande Volvo Aero. "
                "Forskningssamarbetet PROSAM mellan Högskolan Väst och Chalmers, om "
                "produktionsteknik för metalliska material, har fått stöd av regionen och "
                "kopplades till hållbar produktion i VG2020."
            ),
        ),
        sources=(
            Source(
                _l(
                    "Regionen satsar 21 miljoner på flyg- och verkstadsindustrin – "
                    "dagensmiljoteknik.se"
                ),
                "https://www.dagensmiljoteknik.se/20201120/928/vastra-gotalandsregionen-satsar-21-miljoner-pa-regionens-flyg-och-verkstadsindustri",
                "sv",
            ),
            Source(
                _l("Stöd från regionen för forskningssamarbete med Chalmers – Högskolan Väst"),
                "http://www.mynewsdesk.com/se/hogskolanvast/pressreleases/viktigt-stoed-fraan-regionen-foer-forskningssamarbete-med-chalmers-964948",
                "sv",
            ),
        ),
    ),
}

START_AREAS_INTRO = _l(
    "De 13 områdena i VG2020 är här ordnade i fyra grupper, enligt en indelning "
    "som Västra Götalandsregionen publicerade 2017."
)

AREAS_INTRO: tuple[Text, ...] = (
    _l(
        "VG2020, Västra Götalands strategi för tillväxt och utveckling 2014–2020, "
        "pekade ut 13 områden. I en indelning som Västra Götalandsregionen "
        "publicerade 2017 delas de in i fyra grupper för att göra strategin för smart "
        "specialisering tydligare: styrkeområden, utvecklingsområden, förutsättningar "
        "för en attraktiv och hållbar region och förutsättningar för kunskapsbaserad "
        "utveckling."
    ),
    _l(
        "Många av områdena drevs som program med koppling till olika "
        "samverkansplattformar. Sidorna här beskriver de 13 områdena från "
        "VG2020-perioden."
    ),
    _l(
        "I det nyare programmet Stärka innovationskraften 2022–2025, som också är "
        "Västra Götalands strategi för smart specialisering, pekar Västra "
        "Götalandsregionen ut fem styrkeområden: ”Hållbar industri”, ”Hälsa och life "
        "science”, ”Livsmedel, biobaserade material och förnybar energi”, ”Framtidens "
        "mobilitet” och ”Besöksnäring samt kulturella och kreativa näringar”."
    ),
)


@dataclass(frozen=True)
class Priority:
    name: Text
    text: Text


STRATEGY = {
    "intro": (
        _l(
            "Regional utvecklingsstrategi för Västra Götaland 2021–2030, som också kallas "
            "VG2030, beslutades av regionfullmäktige den 16 februari 2021. Strategin "
            "gäller från den 1 mars 2021."
        ),
        _l(
            "Strategin är en revidering av VG2020 och ses över vart fjärde år. Enligt lag "
            "ska varje län ha en regional utvecklingsstrategi, och i Västra Götaland är "
            "det Västra Götalandsregionen som ansvarar för den."
        ),
        _l(
            "Strategin ägs gemensamt av Västra Götalandsregionen, länets 49 kommuner och "
            "fyra kommunalförbund, näringslivet, akademin, civilsamhället, Länsstyrelsen "
            "och andra statliga myndigheter."
        ),
    ),
    "vision": (
        _l(
            "Strategin behåller visionen ”Vision Västra Götaland – Det goda livet”. "
            "Grundtanken är att alla som bor och arbetar i Västra Götaland ska kunna leva "
            "ett gott liv."
        ),
        _l(
            "Nyckeln till att regionen ska vara attraktiv och konkurrenskraftig på lång "
            "sikt är den gemensamma förmågan till innovation och omställning till ett "
            "samhälle som är hållbart ekonomiskt, socialt och miljömässigt."
        ),
        _l(
            "Det övergripande målet är att Västra Götaland ska vara ”ett föredöme för "
            "omställning till ett hållbart och konkurrenskraftigt samhälle”. Ett Västra "
            "Götaland som ställer om beskrivs som ”robust och sammanhållet, jämlikt och "
            "öppet samt fossiloberoende och cirkulärt”."
        ),
    ),
    "priorities_intro": (
        _l(
            "Strategin har fyra långsiktiga prioriteringar. Var och en genomförs genom "
            "ett av Västra Götalandsregionens fyra program för hållbar omställning "
            "2022–2025."
        ),
    ),
    "priorities": (
        Priority(
            # Translators: a long-term priority; a programme has the same name.
            _l("Stärka innovationskraften"),
            _l(
                "Prioriteringen genomförs genom Program Stärka innovationskraften 2022–2025, "
                "som också är Västra Götalands strategi för smart specialisering."
            ),
        ),
        Priority(
            # Translators: a long-term priority ("connect Västra Götaland").
            _l("Knyta samman Västra Götaland"),
            _l(
                "Prioriteringen genomförs genom Program Knyta samman Västra Götaland "
                "2022–2025, som handlar om tillgänglighet och ett transporteffektivt "
                "samhälle, till exempel bredband, laddinfrastruktur och förnybar el samt "
                "regional fysisk planering."
            ),
        ),
        Priority(
            # Translators: a long-term priority ("increase inclusion").
            _l("Öka inkluderingen"),
            _l(
                "Prioriteringen genomförs genom Program Öka inkluderingen 2022–2025, som "
                "handlar om tillit och sammanhållning."
            ),
        ),
    ),
    "priorities_after": (
        _l(
            "Den fjärde långsiktiga prioriteringen rör kompetensfrågor och genomförs, "
            "liksom de andra, genom ett av de fyra programmen."
        ),
    ),
    "kraftsamlingar_intro": (
        _l(
            "Strategin pekar också ut fyra västsvenska kraftsamlingar som går på tvärs "
            "över olika sektorer. En kraftsamling innebär ett extra fokus på att "
            "samarbeta och att utveckla ett område på ett samordnat sätt."
        ),
    ),
    "kraftsamlingar": (
        # Translators: first of four kraftsamlingar (joint efforts); lower case.
        _l("elektrifiering"),
        _l("digitalisering"),
        _l("cirkulära affärsmodeller"),
        _l("fullföljda studier"),
    ),
    "kraftsamlingar_after": (
        _l(
            "Du kan söka projektstöd för projekt som bidrar till någon av strategins "
            "långsiktiga prioriteringar eller kraftsamlingar."
        ),
    ),
    "sources": (
        Source(
            _l(
                "Regional utvecklingsstrategi för Västra Götaland 2021–2030 – Västra "
                "Götalandsregionen"
            ),
            "https://www.vgregion.se/regional-utveckling/regional-utvecklingsstrategi/",
            "sv",
        ),
        Source(
            _l("VG2030 – Västra Götalandsregionen"),
            "https://www.vgregion.se/vg2030",
            "sv",
        ),
        Source(
            _l("Program för hållbar omställning – Västra Götalandsregionen"),
            "https://www.vgregion.se/regional-utveckling/regional-utvecklingsstrategi/program-for-hallbar-omstallning/",
            "sv",
        ),
        Source(
            _l("Regional utveckling – Västra Götalandsregionen (på engelska)"),
            "https://hh.vgregion.se/en/regional-development/",
            "en",
        ),
    ),
}

MAPPING = {
    "intro": (
        _l(
            "Smart specialisering har blivit ett allt viktigare verktyg för att hitta "
            "internationella partnerskap och få tillgång till konkurrensutsatt "
            "finansiering, både nationellt och internationellt."
        ),
        _l(
            "En del av arbetet med smart specialisering är att regioner med "
            "kompletterande styrkor hittar varandra. Enligt Tillväxtverket kan de göra "
            "det genom EU:s plattform för smart specialisering, S3 Platform, där Västra "
            "Götaland är en av de svenska medlemmarna."
        ),
    ),
    "eye_ris3": (
        _l(
            "Eye@RIS3 är en databas på nätet från EU:s S3 Platform. Där finns de "
            "prioriteringar för smart specialisering som EU:s medlemsländer och regioner "
            "har angett, och även forsknings- och innovationsprioriteringar för vissa "
            "länder och regioner utanför EU."
        ),
        _l(
            "Uppgifterna kommer från nationella och regionala ansvariga och från "
            "EU-kommissionens personal, som för in prioriteringar från godkända "
            "strategier. Regionerna förväntas själva hålla sina uppgifter uppdaterade, "
            "och databasen är tänkt som stöd för strategiarbete och samarbete, inte som "
            "statistik."
        ),
        _l(
            "Prioriteringarna delas in i tre kategorier: ekonomiska områden (utifrån "
            "Eurostats NACE2 och OECD:s kategorier), vetenskapliga områden och policymål."
        ),
        _l(
            "Regioner använder databasen för att se var de står, hitta nischer och "
            "möjliga partner. Den som vill få en överblick över vad Europas regioner "
            "prioriterar hänvisas av Tillväxtverket till Eye@RIS3."
        ),
    ),
    "note": (
        _l(
            "Här hittar du inga resultat från en kartläggning av regioner med liknande "
            "smart specialisering som Västra Götaland, eftersom vi inte känner till några "
            "publicerade resultat. Sidan beskriver i stället varför regioner söker "
            "samarbetspartner och vilka verktyg som finns."
        ),
    ),
    "sources": (
        Source(
            _l("Eye@RIS3 – EU:s S3 Platform (på engelska)"),
            "https://s3platform.jrc.ec.europa.eu/eye-ris3",
            "en",
        ),
        Source(
            _l("Smart specialisering – region för region – Tillväxtverket"),
            "https://tillvaxtverket.se/amnesomraden/regional-kapacitet/smart-specialisering/smart-specialisering---region-for-region.html",
            "sv",
        ),
        TILLVAXTVERKET_EU,
    ),
}

# <meta name="description"> of the pages that are not a group or an area.
DESCRIPTIONS: dict[str, Text] = {
    "start": _l(
        "Smart specialisering i Västra Götaland: de 13 områdena från VG2020 i fyra "
        "grupper, den regionala utvecklingsstrategin och samarbete i Europa."
    ),
    "areas": _l(
        "De 13 områdena i VG2020, indelade i fyra grupper, och de fem styrkeområdena "
        "i programmet Stärka innovationskraften 2022–2025."
    ),
    "strategy": _l(
        "Regional utvecklingsstrategi för Västra Götaland 2021–2030: visionen Det "
        "goda livet, långsiktiga prioriteringar och fyra kraftsamlingar."
    ),
    "mapping": _l(
        "Så hittar regioner i Europa partner med liknande smart specialisering, och "
        "vad EU:s databas Eye@RIS3 innehåller."
    ),
}
