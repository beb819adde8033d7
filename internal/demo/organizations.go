package demo

// The demo ecosystem: made-up organizations of the Twin Cities region. The names are
// invented; any likeness to a real organization is an accident.

// orgSeed is one demo organization. Skills are "name:level".
type orgSeed struct {
	key, name, kind, mission string
	geographies, issues      []string
	languages, skills        []string
	budget                   string
	staff                    int
	bipocLed, identity       string
	website                  bool
	listed                   bool
	public                   []string
	people                   []personSeed // the first one represents the organization
}

type personSeed struct{ name, pronouns, title string }

// Public field sets the demo organizations choose from.
var (
	showAll      = []string{"mission", "kind", "geographies", "issue_areas", "skills", "languages", "budget_band", "staff_size", "bipoc_led", "identity", "website"}
	showBasic    = []string{"mission", "geographies", "issue_areas"}
	showIdentity = []string{"mission", "geographies", "issue_areas", "languages", "bipoc_led", "identity"}
)

// Places and issues, spelled once.
const (
	northside  = "Minneapolis Northside"
	eastSide   = "St. Paul East Side"
	phillips   = "Phillips"
	frogtown   = "Frogtown"
	cedar      = "Cedar-Riverside"
	brooklynPk = "Brooklyn Park"
	midway     = "St. Paul Midway"
	region     = "Twin Cities region"

	housing = "housing"
	transit = "transit"
	econDev = "economic development"
)

var organizations = []orgSeed{
	// Small BIPOC-led groups, the heart of the housing work.
	{key: "northside-tenants", name: "Northside Tenants Rising", kind: "community_group", mission: "Renters on the Northside organizing building by building against displacement.",
		geographies: []string{northside}, issues: []string{housing, "tenant rights"}, languages: []string{"English"},
		skills: []string{"grassroots organizing:can_teach", "canvassing:can_teach", "direct action:practising"},
		budget: "under_250k", staff: 3, bipocLed: "yes", identity: "Black-led, tenant-led", website: true, listed: true, public: showAll,
		people: []personSeed{{"Keisha Banks", "she/her", "Lead organizer"}, {"Darnell Price", "he/him", "Tenant leader"}, {"Imani Brooks", "she/they", "Youth organizer"}}},
	{key: "phillips-porch", name: "Phillips Porch Organizers", kind: "community_group", mission: "Neighbors meeting on porches and in kitchens to keep Phillips families housed.",
		geographies: []string{phillips}, issues: []string{housing, "immigrant rights"}, languages: []string{"Spanish", "English", "Oromo"},
		skills: []string{"grassroots organizing:practising", "translation:can_teach", "facilitation:learning"},
		budget: "under_250k", staff: 2, bipocLed: "yes", identity: "Latina and Oromo women-led", listed: true, public: showIdentity,
		people: []personSeed{{"Rosa Guzmán", "she/her", "Co-director"}, {"Chaltu Gemechu", "she/her", "Co-director"}, {"Mateo Hernández", "he/him", "Block captain"}}},
	{key: "bp-renters", name: "Brooklyn Park Renters Voice", kind: "community_group", mission: "A renters' union for the apartment complexes of Brooklyn Park.",
		geographies: []string{brooklynPk}, issues: []string{housing}, languages: []string{"English", "Somali"},
		skills: []string{"grassroots organizing:practising", "storytelling:can_teach"},
		budget: "under_250k", staff: 1, bipocLed: "yes", identity: "West African and Somali immigrant renters", listed: true, public: showBasic,
		people: []personSeed{{"Comfort Tarpeh", "she/her", "Organizer"}, {"Abdi Tolera", "he/him", "Volunteer lead"}}},
	{key: "birbirsa", name: "Birbirsa Family Housing Circle", kind: "community_group", mission: "Oromo families pooling knowledge and savings to find and keep homes.",
		geographies: []string{phillips, cedar}, issues: []string{housing, "homeownership"}, languages: []string{"Oromo", "English"},
		skills: []string{"translation:can_teach", "financial coaching:practising"},
		budget: "under_250k", staff: 2, bipocLed: "yes", identity: "Oromo families", listed: false, public: []string{},
		people: []personSeed{{"Hawi Bekele", "she/her", "Coordinator"}, {"Gemechis Tufa", "he/him", "Board chair"}}},
	{key: "cedar-elders", name: "Cedar Crossing Elders Council", kind: "community_group", mission: "Elders of the high-rises speaking for safe homes and buses they can ride.",
		geographies: []string{cedar}, issues: []string{housing, transit}, languages: []string{"Somali", "Oromo", "English"},
		skills: []string{"translation:can_teach", "community listening:can_teach", "public testimony:learning"},
		budget: "under_250k", staff: 2, bipocLed: "yes", identity: "Somali and Oromo elders", listed: true, public: showIdentity,
		people: []personSeed{{"Hodan Abdi", "she/her", "Organizer"}, {"Mohamed Jama", "he/him", "Council chair"}, {"Ubah Dualeh", "she/her", "Interpreter"}}},
	{key: "salween", name: "Salween Neighbors Network", kind: "community_group", mission: "Karen refugee families helping each other settle, rent, ride and work.",
		geographies: []string{eastSide}, issues: []string{housing, transit}, languages: []string{"Karen", "English"},
		skills: []string{"translation:can_teach", "case navigation:practising"},
		budget: "under_250k", staff: 2, bipocLed: "yes", identity: "Karen refugee families", listed: true, public: showBasic,
		people: []personSeed{{"Naw Paw Say", "she/her", "Community navigator"}, {"Saw Eh Htoo", "he/him", "Youth lead"}}},
	{key: "bluffside-land-trust", name: "Bluffside Community Land Trust", kind: "nonprofit", mission: "Land held in common so homes on the East Side stay affordable for good.",
		geographies: []string{eastSide, frogtown}, issues: []string{housing, "homeownership"}, languages: []string{"English", "Hmong"},
		skills: []string{"real estate development:practising", "cooperative governance:can_teach"},
		budget: "250k_1m", staff: 5, bipocLed: "yes", identity: "Governed by residents of color", website: true, listed: true, public: showAll,
		people: []personSeed{{"Kou Thao", "he/him", "Director"}, {"Tamika Jordan", "she/her", "Homeowner organizer"}}},
	// Large, white-led housing organizations.
	{key: "metro-housing", name: "Metro Housing Futures Institute", kind: "nonprofit", mission: "Research and advocacy for regional housing policy.",
		geographies: []string{region}, issues: []string{housing, "policy"}, languages: []string{"English"},
		skills: []string{"lobbying:can_teach", "policy analysis:can_teach", "research:can_teach", "fundraising:practising"},
		budget: "over_5m", staff: 85, bipocLed: "no", website: true, listed: true, public: showAll,
		people: []personSeed{{"Greg Lindqvist", "he/him", "Policy director"}, {"Molly Brennan", "she/her", "Government relations"}, {"Priya Raman", "she/her", "Research analyst"}}},
	{key: "phalen-hills", name: "Phalen Hills Housing Partners", kind: "nonprofit", mission: "Developing and managing affordable rental housing in St. Paul.",
		geographies: []string{eastSide}, issues: []string{housing, "community development"}, languages: []string{"English"},
		skills: []string{"real estate development:can_teach", "property management:can_teach"},
		budget: "over_5m", staff: 60, bipocLed: "no", website: true, listed: true, public: showBasic,
		people: []personSeed{{"Paul Hendricks", "he/him", "President"}, {"Beth Marquardt", "she/her", "Development director"}}},
	{key: "twin-rivers-cdc", name: "Twin Rivers Community Development Corporation", kind: "nonprofit", mission: "Housing and commercial development on the north side of the metro.",
		geographies: []string{northside, brooklynPk}, issues: []string{housing, econDev}, languages: []string{"English"},
		skills: []string{"real estate development:can_teach", "small business lending:practising"},
		budget: "1m_5m", staff: 22, bipocLed: "no", website: true, listed: true, public: showAll,
		people: []personSeed{{"Erik Sundberg", "he/him", "Executive director"}, {"Claire Dahl", "she/her", "Real estate manager"}}},
	{key: "bluffs-legal", name: "Mississippi Bluffs Legal Clinic", kind: "nonprofit", mission: "Free legal help for tenants facing eviction.",
		geographies: []string{region}, issues: []string{housing, "legal services"}, languages: []string{"English", "Spanish"},
		skills: []string{"legal analysis:can_teach", "eviction defense:can_teach"},
		budget: "1m_5m", staff: 18, bipocLed: "no", website: true, listed: true, public: showBasic,
		people: []personSeed{{"Jon Halvorsen", "he/him", "Managing attorney"}, {"Lucía Paredes", "she/her", "Tenant attorney"}}},
	{key: "grace-gravel", name: "Grace & Gravel Interfaith Table", kind: "faith", mission: "Congregations of many traditions showing up for neighbors.",
		geographies: []string{frogtown, eastSide}, issues: []string{housing, "food"}, languages: []string{"English"},
		skills: []string{"hosting meetings:can_teach", "facilitation:practising"},
		budget: "not_said", staff: 0, bipocLed: "not_said", listed: true, public: showBasic,
		people: []personSeed{{"Sarah Engstrom", "she/her", "Convener"}, {"Samuel Okafor", "he/him", "Deacon"}}},
	// Transit.
	{key: "eastside-wheels", name: "East Side Wheels Together", kind: "nonprofit", mission: "Riders of the East Side organizing for buses that come often and on time.",
		geographies: []string{eastSide}, issues: []string{transit}, languages: []string{"Hmong", "Karen", "English"},
		skills: []string{"grassroots organizing:can_teach", "translation:can_teach", "data collection:practising"},
		budget: "250k_1m", staff: 6, bipocLed: "yes", identity: "Hmong- and Karen-led", website: true, listed: true, public: showAll,
		people: []personSeed{{"Pa Nhia Vang", "she/her", "Executive director"}, {"Tou Lor", "he/him", "Rider organizer"}, {"Hser Nay Moo", "she/her", "Outreach worker"}}},
	{key: "bus-stop-union", name: "Bus Stop Neighbors Union", kind: "community_group", mission: "Riders who wait at the same stops, organizing for shelter, safety and service.",
		geographies: []string{northside}, issues: []string{transit, "public safety"}, languages: []string{"English"},
		skills: []string{"grassroots organizing:practising", "direct action:can_teach"},
		budget: "under_250k", staff: 2, bipocLed: "yes", identity: "Black riders", listed: true, public: showAll,
		people: []personSeed{{"Tasha Freeman", "she/her", "Organizer"}, {"Marcus Reed", "he/him", "Driver liaison"}}},
	{key: "fare-free-youth", name: "Fare Free Youth Crew", kind: "community_group", mission: "Young riders campaigning for free transit for everyone under 25.",
		geographies: []string{phillips, northside}, issues: []string{transit, "youth"}, languages: []string{"English", "Spanish", "Somali"},
		skills: []string{"social media:can_teach", "youth leadership:practising"},
		budget: "under_250k", staff: 1, bipocLed: "yes", identity: "Youth of color, ages 14 to 24", listed: true, public: showBasic,
		people: []personSeed{{"Jaylen Moore", "he/him", "Youth coordinator"}, {"Sagal Hirsi", "she/her", "Crew member"}}},
	{key: "roll-ride", name: "Roll & Ride Disability Advocates", kind: "community_group", mission: "Disabled riders making every stop and every vehicle usable.",
		geographies: []string{region}, issues: []string{transit, "disability justice"}, languages: []string{"English"},
		skills: []string{"accessibility audits:can_teach", "public testimony:practising"},
		budget: "under_250k", staff: 1, bipocLed: "not_said", identity: "Disabled riders", listed: true, public: showAll,
		people: []personSeed{{"Laura Kettering", "she/her", "Coordinator"}, {"Renee Bluewater", "she/her", "Board member"}}},
	{key: "greater-metro-transit", name: "Greater Metro Transit Advocates", kind: "nonprofit", mission: "Policy advocacy for a faster, greener regional transit system.",
		geographies: []string{region}, issues: []string{transit, "climate"}, languages: []string{"English"},
		skills: []string{"lobbying:can_teach", "policy analysis:practising", "communications:can_teach"},
		budget: "1m_5m", staff: 12, bipocLed: "no", website: true, listed: true, public: showAll,
		people: []personSeed{{"Tom Anders", "he/him", "Executive director"}, {"Nadia Khoury", "she/her", "Campaign manager"}}},
	{key: "lakes-rails", name: "Lakes & Rails Green Jobs Partnership", kind: "nonprofit", mission: "Training and placing workers in transit and clean energy jobs.",
		geographies: []string{northside, brooklynPk}, issues: []string{econDev, transit, "climate"}, languages: []string{"English"},
		skills: []string{"workforce training:can_teach", "employer partnerships:practising"},
		budget: "1m_5m", staff: 15, bipocLed: "no", website: true, listed: true, public: showBasic,
		people: []personSeed{{"Heather Voss", "she/her", "Program director"}, {"Andre Collins", "he/him", "Workforce lead"}}},
	{key: "care-workers-guild", name: "Amalgamated Care Workers Guild", kind: "union", mission: "Home care and transit-dependent workers bargaining together.",
		geographies: []string{region}, issues: []string{"labor", transit}, languages: []string{"English", "Spanish", "Somali"},
		skills: []string{"member mobilization:can_teach", "contract campaigns:can_teach"},
		budget: "1m_5m", staff: 30, bipocLed: "not_said", listed: true, public: showBasic,
		people: []personSeed{{"Dolores Ruiz", "she/her", "Organizing director"}, {"Kevin Mattson", "he/him", "Political director"}}},
	// Economic development.
	{key: "plum-tree", name: "Plum Tree Community Credit Fund", kind: "nonprofit", mission: "Patient loans and coaching for neighborhood businesses banks pass over.",
		geographies: []string{northside, frogtown}, issues: []string{econDev, "small business lending"}, languages: []string{"English", "Hmong", "Somali"},
		skills: []string{"small business lending:can_teach", "financial coaching:can_teach"},
		budget: "1m_5m", staff: 14, bipocLed: "yes", identity: "Black- and Hmong-led lender", website: true, listed: true, public: showAll,
		people: []personSeed{{"Yvonne Carter", "she/her", "Chief executive"}, {"Bao Moua", "she/her", "Loan officer"}, {"Khadar Farah", "he/him", "Business coach"}}},
	{key: "crescent-corner", name: "Crescent Corner Merchants Association", kind: "nonprofit", mission: "The shops and stalls of Cedar-Riverside, speaking with one voice.",
		geographies: []string{cedar}, issues: []string{econDev}, languages: []string{"Somali", "English"},
		skills: []string{"merchant organizing:can_teach", "translation:practising"},
		budget: "250k_1m", staff: 4, bipocLed: "yes", identity: "Somali merchants", listed: true, public: showIdentity,
		people: []personSeed{{"Faadumo Yusuf", "she/her", "Director"}, {"Abdirahman Warsame", "he/him", "Merchant representative"}}},
	{key: "capitol-corridor", name: "Capitol Corridor Business Alliance", kind: "nonprofit", mission: "Business owners along the avenue between the two downtowns.",
		geographies: []string{midway, frogtown}, issues: []string{econDev}, languages: []string{"English"},
		skills: []string{"lobbying:practising", "event planning:can_teach"},
		budget: "1m_5m", staff: 9, bipocLed: "no", website: true, listed: true, public: showBasic,
		people: []personSeed{{"Richard Haugen", "he/him", "President"}, {"Emily Strand", "she/her", "Policy manager"}}},
	{key: "midway-civic", name: "Midway Civic Foundation", kind: "nonprofit", mission: "A community foundation making grants across the east metro.",
		geographies: []string{region}, issues: []string{econDev, "philanthropy"}, languages: []string{"English"},
		skills: []string{"grantmaking:can_teach", "fundraising:can_teach"},
		budget: "over_5m", staff: 40, bipocLed: "no", website: true, listed: true, public: showAll,
		people: []personSeed{{"Margaret Ellison", "she/her", "Program officer"}, {"Brian Kowalski", "he/him", "Vice president"}}},
	{key: "prairie-commons", name: "Prairie Commons Policy Center", kind: "nonprofit", mission: "Data and policy research on how the region grows and who benefits.",
		geographies: []string{region}, issues: []string{econDev, housing, "policy research"}, languages: []string{"English"},
		skills: []string{"data analysis:can_teach", "policy analysis:can_teach"},
		budget: "1m_5m", staff: 16, bipocLed: "no", website: true, listed: false, public: []string{},
		people: []personSeed{{"Daniel Frost", "he/him", "Senior fellow"}, {"Ingrid Solberg", "she/her", "Data lead"}}},
	{key: "nine-threads", name: "Nine Threads Makers Cooperative", kind: "cooperative", mission: "Hmong artisans selling story cloths and embroidery together.",
		geographies: []string{frogtown}, issues: []string{econDev, "arts"}, languages: []string{"Hmong", "English"},
		skills: []string{"cooperative governance:practising", "textile arts:can_teach"},
		budget: "under_250k", staff: 3, bipocLed: "yes", identity: "Hmong women artisans", listed: true, public: showIdentity,
		people: []personSeed{{"Mai Yer Xiong", "she/her", "Co-op president"}, {"Yeng Her", "he/him", "Treasurer"}}},
	{key: "frogtown-kitchen", name: "Frogtown Kitchen Table Collective", kind: "community_group", mission: "Home cooks turning family recipes into licensed food businesses.",
		geographies: []string{frogtown}, issues: []string{econDev, "food"}, languages: []string{"Hmong", "Karen", "English"},
		skills: []string{"food business licensing:practising", "community kitchens:can_teach"},
		budget: "under_250k", staff: 2, bipocLed: "yes", identity: "Southeast Asian food entrepreneurs", listed: true, public: showBasic,
		people: []personSeed{{"Lee Yang", "he/him", "Organizer"}, {"Naw Htoo Paw", "she/her", "Kitchen manager"}}},
	{key: "mano-abierta", name: "Mano Abierta Workers Center", kind: "community_group", mission: "Immigrant workers recovering stolen wages and building worker-owned businesses.",
		geographies: []string{phillips, eastSide}, issues: []string{econDev, "labor"}, languages: []string{"Spanish", "English"},
		skills: []string{"wage theft campaigns:can_teach", "cooperative development:learning"},
		budget: "under_250k", staff: 3, bipocLed: "yes", identity: "Latine immigrant workers", listed: true, public: showIdentity,
		people: []personSeed{{"Javier Ortega", "he/him", "Director"}, {"Ana Sofía Quispe", "she/her", "Wage theft organizer"}}},
	{key: "seven-harvests", name: "Seven Harvests Farmer Network", kind: "community_group", mission: "Hmong and Karen growers sharing land, tools and market stalls.",
		geographies: []string{frogtown, eastSide}, issues: []string{econDev, "food"}, languages: []string{"Hmong", "Karen"},
		skills: []string{"market operations:practising", "farming:can_teach"},
		budget: "under_250k", staff: 2, bipocLed: "yes", identity: "Hmong and Karen growers", listed: true, public: showBasic,
		people: []personSeed{{"Tong Vue", "he/him", "Farmer organizer"}, {"Saw Ler Wah", "he/him", "Market coordinator"}}},
	{key: "zanzibar-road", name: "Zanzibar Road Entrepreneurs Network", kind: "nonprofit", mission: "East African entrepreneurs in the northern suburbs opening doors for each other.",
		geographies: []string{brooklynPk}, issues: []string{econDev}, languages: []string{"English", "Somali", "Oromo"},
		skills: []string{"business coaching:can_teach", "networking events:practising"},
		budget: "250k_1m", staff: 4, bipocLed: "yes", identity: "East African entrepreneurs", website: true, listed: true, public: showAll,
		people: []personSeed{{"Lensa Dinsa", "she/her", "Director"}, {"Omar Aden", "he/him", "Business advisor"}}},
	{key: "riverflats-youth", name: "Riverflats Youth Media Lab", kind: "community_group", mission: "Young people of Cedar-Riverside making media and earning a living doing it.",
		geographies: []string{cedar}, issues: []string{econDev, "youth"}, languages: []string{"Somali", "English"},
		skills: []string{"video production:can_teach", "social media:practising"},
		budget: "under_250k", staff: 2, bipocLed: "yes", identity: "Somali youth", listed: false, public: []string{},
		people: []personSeed{{"Zamzam Ali", "she/her", "Lab lead"}, {"Isaiah Greene", "he/him", "Mentor"}}},
}
