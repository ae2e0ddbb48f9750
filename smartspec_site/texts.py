"""The site's texts: Swedish msgids, one per paragraph, written from the sourced facts in
shared/content/facts.md (each area's sources are listed with it and shown on its page).

Nothing here is invented: where the facts have no figure, name or address, the text says less.
Dated figures say so. English names that VGR does not publish are plain descriptive English.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import LazyString, lazy_pgettext
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


# Sources that more than one text is written from. Source labels are short titles of the
# linked pages; a label says the page's language when it differs from the text's:
# "(på engelska)" in Swedish, "(in Swedish)" in the English translation.
VGR_2017 = Source(
    # Translators: title of a source page; mark a page in Swedish with (in Swedish).
    _l("Styrkeområden och smart specialisering – Västra Götalandsregionen (2017)"),
    "http://www.vgregion.se/regional-utveckling/verksamhetsomraden/forskning-och-innovation/smart-specialisering-i-vastra-gotaland/",
    "sv",
)
VGR_SMART_SPECIALISERING = Source(
    # Translators: title of a source page; mark a page in Swedish with (in Swedish).
    _l("Smart specialisering – Västra Götalandsregionen"),
    "https://www.vgregion.se/regional-utveckling/regional-utvecklingsstrategi/program-for-hallbar-omstallning/starka-innovationskraften/smart-specialisering/",
    "sv",
)
VG2020_KUNSKAPSREGION = Source(
    # Translators: title of a source page; mark a page in Swedish with (in Swedish).
    _l("VG2020: En ledande kunskapsregion – Västra Götalandsregionen"),
    "https://www.vgregion.se/regional-utveckling/regional-utvecklingsstrategi-for-vastra-gotaland-2021-2030/regional-utvecklingsstrategi/strategi-for-tillvaxt-och-utveckling/en-ledanade-kunskapsregion/",
    "sv",
)
JOHANNEBERG_SUSLAB = Source(
    # Translators: title of a source page; mark a page in Swedish with (in Swedish).
    _l("Johanneberg Science Park – SusLab (på engelska)"),
    "http://suslab.eu/partners/johanneberg-science-park/",
    "en",
)
VGR_KKN = Source(
    # Translators: title of a source page; mark a page in Swedish with (in Swedish).
    _l("Kulturella och kreativa näringar – Västra Götalandsregionen"),
    "https://www.vgregion.se/regional-utveckling/program-for-hallbar-omstallning/program/kulturella-och-kreativa-naringar/",
    "sv",
)
TILLVAXTVERKET_EU = Source(
    # Translators: title of a source page; mark a page in Swedish with (in Swedish).
    _l("Samverkan med EU – Tillväxtverket (på engelska)"),
    "https://tillvaxtverket.se/english/smart-specialisation/collaboration-in-the-eu.html",
    "en",
)
SCIENCE_PARKS = Source(
    # Translators: title of a source page; mark a page in Swedish with (in Swedish).
    _l("Science parks i Göteborgsregionen – investingothenburg.com (på engelska)"),
    "https://www.investingothenburg.com/master-collaboration/science-parks",
    "en",
)
VGR_STYRKEOMRADEN = Source(
    # Translators: title of a source page; mark a page in Swedish with (in Swedish).
    _l("Styrkeområden – Västra Götalandsregionen"),
    "https://www.vgregion.se/regional-utveckling/regional-utvecklingsstrategi/program-for-hallbar-omstallning/starka-innovationskraften/styrkeomraden/",
    "sv",
)
JOHANNEBERG_PROCESS_INDUSTRY = Source(
    # Translators: title of a source page; mark a page in Swedish with (in Swedish).
    _l("Fortsatt finansiering för västsvensk processindustri – Johanneberg Science Park"),
    "https://www.mynewsdesk.com/se/johannebergsciencepark/pressreleases/fortsatt-finansiering-saekrad-foer-en-vaestsvensk-fossiloberoende-och-konkurrenskraftig-processindustri-3189812",
    "sv",
)
S3_SMART_STORY = Source(
    # Translators: title of a source page; mark a page in Swedish with (in Swedish).
    _l("Smart specialisering i Västra Götaland – EU:s S3 Platform (på engelska)"),
    "https://s3platform.jrc.ec.europa.eu/w/smart-story-smart-specialisation-in-v%C3%A4stra-g%C3%B6taland",
    "en",
)


# The four groups (VGR's categorisation of 2017): what each group is.
GROUPS: dict[str, Body] = {
    "strength": Body(
        paragraphs=(
            _l(
                "Styrkeområdena är den första av fyra grupper i den indelning av VG2020:s 13 "
                "områden som Västra Götalandsregionen publicerade 2017. Gruppen består av "
                "life science, hållbara transporter och grön kemi."
            ),
            _l(
                "I VG2020 lyftes fem områden fram särskilt: life science, hållbara transporter, "
                "hållbar stadsutveckling, grön kemi samt marin miljö och marina sektorer. Bland "
                "dem fanns gruppens tre områden, och VG2020:s ambition var att Västra Götaland "
                "skulle vara världsledande inom innovation i dessa fem områden."
            ),
            _l(
                "I en beskrivning av Västra Götaland på EU:s plattform för smart "
                "specialisering, S3 Platform, räknas life science, transporter och grön kemi "
                "till regionens sex styrkeområden, som vart och ett motsvaras av en av "
                "Västra Götalands sex science parks."
            ),
        ),
        sources=(VGR_2017, VG2020_KUNSKAPSREGION, S3_SMART_STORY),
    ),
    "development": Body(
        paragraphs=(
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
        sources=(VGR_2017, S3_SMART_STORY, VG2020_KUNSKAPSREGION),
    ),
    "attractive-region": Body(
        paragraphs=(
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
                "näringar återkommer i namnen på två av de fem styrkeområdena i programmet "
                "Stärka innovationskraften 2022–2025."
            ),
        ),
        sources=(VGR_2017, VGR_STYRKEOMRADEN),
    ),
    "knowledge-based": Body(
        paragraphs=(
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
        sources=(VGR_2017, VG2020_KUNSKAPSREGION),
    ),
}

# The thirteen areas: two to five sentences each, most solid facts first, with sources.
AREAS: dict[str, Body] = {
    "life-science": Body(
        paragraphs=(
            _l(
                "På en programsida, uppdaterad 2018, beskrev Västra Götalandsregionen life "
                "science som ett område med en framträdande plats i regionens strategi för smart "
                "specialisering. Enligt sidan bygger området på Göteborgs universitet, Chalmers "
                "och Sahlgrenska Universitetssjukhuset, tillsammans med starka företag och ett "
                "stödsystem för innovation."
            ),
            _l(
                "Life science återkommer i namnet på styrkeområdet Hälsa och life science i "
                "programmet Stärka innovationskraften 2022–2025. Enligt uppgifter från "
                "programperioden 2022–2025 fanns 646 life science-företag i regionen, varav tio "
                "var värda över en miljard kronor, och branschen hade fler än 10 000 anställda "
                "och omsatte över 113 miljarder kronor."
            ),
            _l(
                "Enligt Västra Götalandsregionen är life science-klustret i Göteborg ett av de "
                "största i Norden."
            ),
        ),
        sources=(
            Source(
                # Translators: title of a source page; mark a page in Swedish with (in Swedish).
                _l("Life science – Västra Götalandsregionen"),
                "https://www.vgregion.se/regional-utveckling/omraden/innovation/life-science/",
                "sv",
            ),
            VGR_STYRKEOMRADEN,
            Source(
                # Translators: title of a source page; mark a page in Swedish with (in Swedish).
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
                "transportsektorn. Enligt programsidan skulle det bidra till regionens mål om ett "
                "fossiloberoende Västra Götaland och till det nationella målet om en fossilfri "
                "fordonsflotta."
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
                # Translators: title of a source page; mark a page in Swedish with (in Swedish).
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
                "Enligt Business Region Göteborg har Stenungsund Sveriges största kemikluster. "
                "Företagen där samarbetar i satsningen Hållbar kemi 2030 för att gå över till "
                "förnybara och återvunna råvaror."
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
                # Translators: title of a source page; mark a page in Swedish with (in Swedish).
                _l("Stenungsunds kemikluster ställer om till grönt – Business Region Göteborg"),
                "https://www.businessregiongoteborg.se/nyheter/stenungsunds-kemikluster-staller-om-till-gront",
                "sv",
            ),
            JOHANNEBERG_PROCESS_INDUSTRY,
            Source(
                # Translators: title of a source page; mark a page in Swedish with (in Swedish).
                _l(
                    "Ny storsatsning ska göra Västsverige världsledande på hållbar industri – "
                    "Vindkraftsnyheter"
                ),
                "https://www.vindkraftsnyheter.se/20190803/5654/ny-storsatsning-ska-gora-vastsverige-varldsledande-pa-hallbar-industri",
                "sv",
            ),
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
                # Translators: title of a source page; mark a page in Swedish with (in Swedish).
                _l("Maritima klustrets historia (på engelska)"),
                "https://www.maritimaklustret.se/en/about-us/history/",
                "en",
            ),
            Source(
                # Translators: title of a source page; mark a page in Swedish with (in Swedish).
                _l("Maritima klustrets samarbetspartner (på engelska)"),
                "https://www.maritimaklustret.se/en/about-us/collaborative-partners/",
                "en",
            ),
            Source(
                # Translators: title of a source page; mark a page in Swedish with (in Swedish).
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
            JOHANNEBERG_SUSLAB,
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
                "inriktades på cirkulär ekonomi inom textil, mode, inredning och möbler. Enligt "
                "Tillväxtverket deltar Västra Götalandsregionen i partnerskapet Smart Regional "
                "Investments in Textile Innovation inom EU:s S3 Platform."
            ),
            _l(
                "Textile Fashion Center i Borås öppnade 2014 i en renoverad, hundra år gammal "
                "textilfabrik och samlar Borås Stad, Högskolan i Borås och näringslivet."
            ),
        ),
        sources=(
            Source(
                # Translators: title of a source page; mark a page in Swedish with (in Swedish).
                _l("Textile Movement – Västra Götalandsregionen"),
                "https://www.vgregion.se/regional-utveckling/regional-utvecklingsstrategi/kraftsamlingar/cirkulara-affarsmodeller/textile-movement/",
                "sv",
            ),
            TILLVAXTVERKET_EU,
            Source(
                # Translators: title of a source page; mark a page in Swedish with (in Swedish).
                _l("Cirkulärt mode och hållbara miljöer – Västra Götalandsregionen (äldre sida)"),
                "http://www.vgregion.se/sv/Vastra-Gotalandsregionen/startsida/Om-Vastra-Gotalandsregionen/Aktuella-projekt/program/Cirkulart-mode-och-hallbara-miljoer/",
                "sv",
            ),
            Source(
                # Translators: title of a source page; mark a page in Swedish with (in Swedish).
                _l("Textile Fashion Center – pressmeddelande"),
                "https://press.textilefashioncenter.se/posts/pressreleases/textile-fashion-center--europas-ledande-scien",
                "sv",
            ),
        ),
    ),
    "food-agriculture": Body(
        paragraphs=(
            _l(
                "Enligt Västra Götalandsregionens engelska programsida, uppdaterad 2018, har "
                "Västra Götaland en stark livsmedelssektor och goda förutsättningar för jordbruk, "
                "trädgårdsodling, fiske och produktion av livsmedel från havet."
            ),
            _l(
                "Programmet för livsmedel och gröna näringar 2017–2020 hade som mål mer "
                "innovation genom samverkan, en mer hållbar produktion och konsumtion av "
                "livsmedel och fler jobb, med fokus på kompetens och små och medelstora "
                "företag."
            ),
            _l(
                "Lantmännen beslutade att investera drygt en miljard kronor i en fabrik för "
                "ärtprotein i Lidköping, planerad till 2026. Livsmedel "
                "återkommer i namnet på styrkeområdet Livsmedel, biobaserade material och "
                "förnybar energi i programmet Stärka innovationskraften 2022–2025."
            ),
        ),
        sources=(
            Source(
                # Translators: title of a source page; mark a page in Swedish with (in Swedish).
                _l("Food and Agriculture – Västra Götalandsregionen (på engelska)"),
                "https://www.vgregion.se/en/regional-development/program-for-hallbar-omstallning/programmes/food-and-agriculture/",
                "en",
            ),
            Source(
                # Translators: title of a source page; mark a page in Swedish with (in Swedish).
                _l("Livsmedel och gröna näringar – Västra Götalandsregionen"),
                "https://hh.vgregion.se/regional-utveckling/program-for-hallbar-omstallning/program/livsmedel-och-grona-naringar/",
                "sv",
            ),
            Source(
                # Translators: title of a source page; mark a page in Swedish with (in Swedish).
                _l("Aktuellt inom regional utveckling – Västra Götalandsregionen"),
                "https://hh.vgregion.se/regional-utveckling/aktuellt-ru/",
                "sv",
            ),
            VGR_STYRKEOMRADEN,
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
                "Enligt Länsstyrelsen har länet hela Sveriges petrokemiska industri och större "
                "delen av fordonsindustrin och använder därför mycket energi. Regionens "
                "handlingsprogram för hållbar energi 2013–2015 syftade till lägre "
                "energianvändning, effektivare produktion, distribution och användning av energi "
                "och mer förnybar energi."
            ),
            _l(
                "Förnybar energi återkommer i namnet på styrkeområdet Livsmedel, biobaserade "
                "material och förnybar energi i programmet Stärka innovationskraften 2022–2025."
            ),
        ),
        sources=(
            Source(
                # Translators: title of a source page; mark a page in Swedish with (in Swedish).
                _l("Regionala mål och strategier för energi och klimat – Länsstyrelsen"),
                "http://www.lansstyrelsen.se/VastraGotaland/Sv/miljo-och-klimat/klimat-och-energi/Energi-och-klimatpaverkan/regionala-mal-och-strategier/Pages/index.aspx",
                "sv",
            ),
            Source(
                # Translators: title of a source page; mark a page in Swedish with (in Swedish).
                _l("Energi- och klimatstrategi – Länsstyrelsen"),
                "http://www.lansstyrelsen.se/vastragotaland/Sv/miljo-och-klimat/klimat-och-energi/Energi-och-klimatpaverkan/energi-och-klimatstrategi/Pages/index.aspx",
                "sv",
            ),
            Source(
                # Translators: title of a source page; mark a page in Swedish with (in Swedish).
                _l("Handlingsprogram för hållbar energi 2013–2015 – S2Biom (på engelska)"),
                "https://s2biom.vito.be/node/819",
                "en",
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
                "Enligt uppgifter på Västra Götalandsregionens sida om programmet för 2018–2020 "
                "stod de kulturella och kreativa näringarna för 3,1 procent av Sveriges BNP, och "
                "omkring 16 procent av landets cirka 128 000 företag i branschen fanns i Västra "
                "Götaland."
            ),
            _l(
                "Kulturella och kreativa näringar återkommer i namnet på styrkeområdet "
                "Besöksnäring samt kulturella och kreativa näringar i programmet Stärka "
                "innovationskraften 2022–2025."
            ),
        ),
        sources=(
            VGR_KKN,
            Source(
                # Translators: title of a source page; mark a page in Swedish with (in Swedish).
                _l(
                    "Kulturnämnden avsätter 2 miljoner kronor per år till kulturella och kreativa "
                    "näringar – pressmeddelande"
                ),
                "https://news.cision.com/se/vgr-kultur/r/kulturnamnden-avsatter-2-miljoner-kronor-per-ar-till-program-for-kulturella-och-kreativa-naringar,c2498379",
                "sv",
            ),
            VGR_STYRKEOMRADEN,
        ),
    ),
    "tourism": Body(
        paragraphs=(
            _l(
                "På en äldre sida beskriver Västra Götalandsregionen Västsvenska Turistrådet "
                "(Turistrådet Västsverige) som ett bolag som regionen äger helt och som utvecklar "
                "och marknadsför Västsverige som resmål."
            ),
            _l(
                "En av prioriteringarna i VG2020 var att satsa på internationella möten, "
                "evenemang och besöksnäringen. År 2013 omsatte besöksnäringen i regionen 34 "
                "miljarder kronor, enligt äldre siffror från Västra Götalandsregionen."
            ),
            _l(
                "Besöksnäringen återkommer i namnet på styrkeområdet Besöksnäring samt kulturella "
                "och kreativa näringar i programmet Stärka innovationskraften 2022–2025."
            ),
        ),
        sources=(
            Source(
                # Translators: title of a source page; mark a page in Swedish with (in Swedish).
                _l("VG2020: En region som syns och engagerar – Västra Götalandsregionen"),
                "https://www.vgregion.se/regional-utveckling/regional-utvecklingsstrategi-for-vastra-gotaland-2021-2030/regional-utvecklingsstrategi/strategi-for-tillvaxt-och-utveckling/en-region-som-syns-och-engagerar/",
                "sv",
            ),
            Source(
                # Translators: title of a source page; mark a page in Swedish with (in Swedish).
                _l("Kultur-, besöks- och upplevelsenäring – Västra Götalandsregionen (äldre sida)"),
                "http://www.vgregion.se/sv/Vastra-Gotalandsregionen/startsida/Regionutveckling/Naringsliv/Kultur--besoks-och-upplevelsenaring/",
                "sv",
            ),
            Source(
                # Translators: title of a source page; mark a page in Swedish with (in Swedish).
                _l("Statistik om kultur – Västra Götalandsregionen (äldre sida)"),
                "http://www.vgregion.se/sv/Vastra-Gotalandsregionen/startsida/Om-Vastra-Gotalandsregionen/Statistik/Kultur/",
                "sv",
            ),
            VGR_STYRKEOMRADEN,
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
            VG2020_KUNSKAPSREGION,
            JOHANNEBERG_SUSLAB,
            Source(
                # Translators: title of a source page; mark a page in Swedish with (in Swedish).
                _l(
                    "Samarbete om hållbar stadsutveckling i Mistra Urban Futures – docslib.org "
                    "(på engelska)"
                ),
                "https://docslib.org/doc/574327/collaboration-on-sustainable-urban-development-in-mistra-urban-futures",
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
                "media. Enligt en äldre sida från Västra Götalandsregionen har spelföretag vuxit "
                "fram vid Gothia Science Park i Skövde."
            ),
        ),
        sources=(
            Source(
                # Translators: title of a source page; mark a page in Swedish with (in Swedish).
                _l("IKT – Business Region Göteborg (på engelska)"),
                "https://businessregiongoteborg.se/en/focus-areas/ict-information-and-communication-technology",
                "en",
            ),
            SCIENCE_PARKS,
            Source(
                # Translators: title of a source page; mark a page in Swedish with (in Swedish).
                _l("IT – Västra Götalandsregionen (äldre sida)"),
                "http://www.vgregion.se/sv/Vastra-Gotalandsregionen/startsida/Regionutveckling/styrkeomraden-naringsliv/IT/",
                "sv",
            ),
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
                # Translators: title of a source page; mark a page in Swedish with (in Swedish).
                _l(
                    "Regionen satsar 21 miljoner på flyg- och verkstadsindustrin – "
                    "dagensmiljoteknik.se"
                ),
                "https://www.dagensmiljoteknik.se/20201120/928/vastra-gotalandsregionen-satsar-21-miljoner-pa-regionens-flyg-och-verkstadsindustri",
                "sv",
            ),
            Source(
                # Translators: title of a source page; mark a page in Swedish with (in Swedish).
                _l("Stöd från regionen för forskningssamarbete med Chalmers – Högskolan Väst"),
                "http://www.mynewsdesk.com/se/hogskolanvast/pressreleases/viktigt-stoed-fraan-regionen-foer-forskningssamarbete-med-chalmers-964948",
                "sv",
            ),
            Source(
                # Translators: title of a source page; mark a page in Swedish with (in Swedish).
                _l("Lär känna spetsen på Innovatum District – innovatumdistrict.se"),
                "https://innovatumdistrict.se/lar-kanna-spetsen-pa-innovatum-district-2/",
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
    """A long-term priority. ``name`` is VGR's Swedish name (shown as it is, marked as
    Swedish on other pages); ``gloss`` is what it says, shown after it on other pages."""

    name: str
    gloss: Text
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
            "Strategin har fyra långsiktiga prioriteringar. Under programperioden 2022–2025 "
            "genomförs var och en genom ett av Västra Götalandsregionens fyra program för hållbar "
            "omställning."
        ),
    ),
    "priorities": (
        Priority(
            "Stärka innovationskraften",
            # Translators: gloss of a programme name, shown in brackets after the Swedish
            # name. VGR's own English for this one: "Strengthening the innovation potential".
            lazy_pgettext("gloss of a programme name", "Stärka innovationskraften"),
            _l(
                "Under programperioden 2022–2025 genomförs prioriteringen genom programmet med "
                "samma namn, som också är Västra Götalands strategi för smart specialisering."
            ),
        ),
        Priority(
            "Knyta samman Västra Götaland",
            # Translators: gloss of a programme name, shown in brackets after the Swedish
            # name; VGR has no English name for it, so say plainly what it means.
            lazy_pgettext("gloss of a programme name", "Knyta samman Västra Götaland"),
            _l(
                "Under programperioden 2022–2025 genomförs prioriteringen genom programmet med "
                "samma namn, som handlar om tillgänglighet och ett transporteffektivt samhälle, "
                "till exempel bredband, laddinfrastruktur och förnybar el samt regional fysisk "
                "planering."
            ),
        ),
        Priority(
            "Öka inkluderingen",
            # Translators: gloss of a programme name, shown in brackets after the Swedish
            # name; VGR has no English name for it, so say plainly what it means.
            lazy_pgettext("gloss of a programme name", "Öka inkluderingen"),
            _l(
                "Under programperioden 2022–2025 genomförs prioriteringen genom programmet med "
                "samma namn, som handlar om tillit och sammanhållning."
            ),
        ),
    ),
    "priorities_after": (
        _l(
            "Den fjärde långsiktiga prioriteringen rör kompetensfrågor. Även den genomförs under "
            "programperioden 2022–2025 genom ett av de fyra programmen."
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
            "Enligt Västra Götalandsregionen kan projektstöd sökas för projekt som bidrar till "
            "någon av strategins långsiktiga prioriteringar eller kraftsamlingar."
        ),
    ),
    "sources": (
        Source(
            # Translators: title of a source page; mark a page in Swedish with (in Swedish).
            _l(
                "Regional utvecklingsstrategi för Västra Götaland 2021–2030 – Västra "
                "Götalandsregionen"
            ),
            "https://www.vgregion.se/regional-utveckling/regional-utvecklingsstrategi/",
            "sv",
        ),
        Source(
            # Translators: title of a source page; mark a page in Swedish with (in Swedish).
            _l("VG2030 – Västra Götalandsregionen"),
            "https://www.vgregion.se/vg2030",
            "sv",
        ),
        Source(
            # Translators: title of a source page; mark a page in Swedish with (in Swedish).
            _l("Program för hållbar omställning – Västra Götalandsregionen"),
            "https://www.vgregion.se/regional-utveckling/regional-utvecklingsstrategi/program-for-hallbar-omstallning/",
            "sv",
        ),
        Source(
            # Translators: title of a source page; mark a page in Swedish with (in Swedish).
            _l("Regional utveckling – Västra Götalandsregionen (på engelska)"),
            "https://hh.vgregion.se/en/regional-development/",
            "en",
        ),
        Source(
            # Translators: title of a source page; mark a page in Swedish with (in Swedish).
            _l("Ny regional utvecklingsstrategi – Västra Götalandsregionen"),
            "https://www.vgregion.se/regional-utveckling/sa-styrs-regional-utveckling/ny-regional-utvecklingsstrategi/",
            "sv",
        ),
        Source(
            # Translators: title of a source page; mark a page in Swedish with (in Swedish).
            _l("Stärka innovationskraften – Västra Götalandsregionen"),
            "https://www.vgregion.se/regional-utveckling/regional-utvecklingsstrategi/program-for-hallbar-omstallning/starka-innovationskraften/",
            "sv",
        ),
        Source(
            # Translators: title of a source page; mark a page in Swedish with (in Swedish).
            _l("Knyta samman Västra Götaland – Västra Götalandsregionen"),
            "https://www.vgregion.se/regional-utveckling/regional-utvecklingsstrategi/program-for-hallbar-omstallning/knyta-samman-vastra-gotaland/",
            "sv",
        ),
        Source(
            # Translators: title of a source page; mark a page in Swedish with (in Swedish).
            _l("Öka inkluderingen – Västra Götalandsregionen"),
            "https://www.vgregion.se/regional-utveckling/regional-utvecklingsstrategi/program-for-hallbar-omstallning/oka-inkluderingen/",
            "sv",
        ),
        VGR_SMART_SPECIALISERING,
        VGR_KKN,
        Source(
            # Translators: title of a source page; mark a page in Swedish with (in Swedish).
            _l("Västra Götaland 2020 (VG2020) – docplayer.se"),
            "http://docplayer.se/18621111-Vastra-gotaland-2020.html",
            "sv",
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
            "Syftet är att regioner ska kunna se var de står och hitta nischer och möjliga "
            "partner. Den som vill få en överblick över vad Europas regioner prioriterar hänvisas "
            "av Tillväxtverket till Eye@RIS3."
        ),
    ),
    "note": (
        _l(
            "Det finns inga publicerade resultat av kartläggningen att hänvisa till här. Sidan "
            "beskriver i stället varför regioner söker samarbetspartner och vilka verktyg som "
            "finns för det."
        ),
    ),
    "sources": (
        Source(
            # Translators: title of a source page; mark a page in Swedish with (in Swedish).
            _l("Eye@RIS3 – EU:s S3 Platform (på engelska)"),
            "https://s3platform.jrc.ec.europa.eu/eye-ris3",
            "en",
        ),
        Source(
            # Translators: title of a source page; mark a page in Swedish with (in Swedish).
            _l("Eye@RIS3, äldre sida – EU:s S3 Platform (på engelska)"),
            "http://s3platform.jrc.ec.europa.eu/web/guest/eye-ris3",
            "en",
        ),
        Source(
            # Translators: title of a source page; mark a page in Swedish with (in Swedish).
            _l("Smart specialisering – region för region – Tillväxtverket"),
            "https://tillvaxtverket.se/amnesomraden/regional-kapacitet/smart-specialisering/smart-specialisering---region-for-region.html",
            "sv",
        ),
        TILLVAXTVERKET_EU,
        VGR_SMART_SPECIALISERING,
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
