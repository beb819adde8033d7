package demo

// coalitionSeed is one demo coalition: its charter, its members and its principles.
type coalitionSeed struct {
	key, name, goal, theory string
	issues                  []string
	geography, phase        string
	public                  bool
	startDay                int // days after base the coalition was formed
	members                 []memberSeed
	principles              []principleSeed
}

// memberSeed is one membership. A status of "" is active.
type memberSeed struct {
	org, role    string
	mostImpacted bool
	status       string
	reason       string
}

// principleSeed is a principle's first text and, for a revised one, its second.
type principleSeed struct {
	title, body    string
	revised, body2 string // revised title and body; "" when never revised
}

// The leadership report of each coalition was designed by hand; the arithmetic is in
// demo_test.go.
//
//   - Rooted Homes: white-led, large-budget organizations hold three of four steering
//     seats. BIPOC-led members (7 of 12) hold 1 seat: ratio 3/7, flagged; white-led
//     members (4 of 12) hold 3: ratio 9/4, flagged. Most-impacted and small-budget groups
//     are flagged too.
//   - Riders First: seats are shared in proportion; no group is flagged.
//   - Shared Ground: BIPOC-led and white-led members are at parity (ratio 1), but the
//     seats go to mid-sized and large members: most-impacted members hold 1 seat of 3
//     (ratio 4/7) and members under $250k none, both flagged.
var coalitions = []coalitionSeed{
	{key: "housing", name: "Rooted Homes Coalition", phase: "campaign", public: true, startDay: 0,
		goal: "Win a tenant opportunity to purchase ordinance and a package of renter protections in Minneapolis and St. Paul " +
			"by the end of 2026, so that families on the Northside, the East Side and in Cedar-Riverside can stay in the neighborhoods they built.",
		theory: "Renters facing displacement know where the pressure comes from. When tenant-led and BIPOC-led groups set the demands, " +
			"policy and legal organizations bring analysis and access, and congregations bring moral weight, council members hear one demand " +
			"from many voices and cannot trade one neighborhood against another.",
		issues: []string{housing, "tenant rights", "displacement"}, geography: "Minneapolis and St. Paul",
		members: []memberSeed{
			{org: "metro-housing", role: "anchor"},
			{org: "phalen-hills", role: "steering"},
			{org: "twin-rivers-cdc", role: "steering"},
			{org: "northside-tenants", role: "steering", mostImpacted: true},
			{org: "phillips-porch", role: "member", mostImpacted: true},
			{org: "bp-renters", role: "member", mostImpacted: true},
			{org: "birbirsa", role: "member", mostImpacted: true},
			{org: "cedar-elders", role: "member", mostImpacted: true},
			{org: "salween", role: "member", mostImpacted: true, status: "stepping_back", reason: "Both organizers are on leave until the spring session."},
			{org: "bluffside-land-trust", role: "member"},
			{org: "bluffs-legal", role: "supporter"},
			{org: "grace-gravel", role: "observer"},
			{org: "capitol-corridor", role: "steering", status: "left", reason: "Moved its work to the economic development table."},
		},
		principles: []principleSeed{
			{title: "Housing is never only housing",
				body:    "Rent, the bus line and the paycheck arrive at the same kitchen table. We refuse to let institutions treat them as separate problems.",
				revised: "Housing is never only housing",
				body2: "Rent, the bus line and the paycheck arrive at the same kitchen table. We refuse to let institutions treat them as separate problems, " +
					"and we share what we learn with the transit and economic development tables rather than keeping it to ourselves."},
			{title: "Those who live it lead it",
				body: "Tenants facing eviction and the groups they built are the experts on displacement. Policy shops and developers follow their lead and say so in public."},
			{title: "Reciprocity, not extraction",
				body: "No organization's stories, turnout or data are used without giving something back: money, time, access or credit, agreed in advance."},
			{title: "We count relationships as wins",
				body: "We measure our success by the number and depth of relationships among members as well as by the ordinances we pass."},
			{title: "Tension is information",
				body: "When conflict comes we slow down, name it and work through it together, so that it leaves us with more trust rather than less."},
		}},
	{key: "transit", name: "Riders First Transit Table", phase: "movement", public: true, startDay: 14,
		goal: "Make buses on the lines that carry the most riders of color frequent, safe and affordable, free for riders under 25, " +
			"and give riders a standing seat wherever service decisions are made.",
		theory: "Transit decisions are made far from the bus stop. When riders organize stop by stop, and youth, disability and immigrant groups " +
			"bring their members to the same hearings, regional agencies have to plan with the people who ride rather than around them.",
		issues: []string{transit, "youth", "disability justice", "climate"}, geography: "Twin Cities region",
		members: []memberSeed{
			{org: "eastside-wheels", role: "anchor", mostImpacted: true},
			{org: "bus-stop-union", role: "steering", mostImpacted: true},
			{org: "fare-free-youth", role: "steering", mostImpacted: true},
			{org: "greater-metro-transit", role: "steering"},
			{org: "roll-ride", role: "member", mostImpacted: true},
			{org: "cedar-elders", role: "member", mostImpacted: true},
			{org: "salween", role: "member", mostImpacted: true},
			{org: "lakes-rails", role: "member"},
			{org: "care-workers-guild", role: "supporter"},
			{org: "metro-housing", role: "observer"},
		},
		principles: []principleSeed{
			{title: "Riders are the experts",
				body: "People who wait in the cold know the system best. Their knowledge comes first in every plan we put forward."},
			{title: "Every route leads to a home and a job",
				body: "We organize on transit as part of housing and work, never on its own, and we bring those partners into the room."},
			{title: "Money follows the work",
				body:    "Grants raised in the table's name are shared openly.",
				revised: "Money follows the work, in the open",
				body2: "Every dollar raised in the table's name is reported to all members, and members who do the organizing are paid for it " +
					"before any organization covers its overhead."},
			{title: "Make space and take space",
				body: "Organizations with power sometimes step back from a visible role so that riders' own groups lead; groups without it are supported to step up."},
		}},
	{key: "econ", name: "Shared Ground Economic Development Network", phase: "forming", public: false, startDay: 30,
		goal: "Steer at least $20 million of public and philanthropic economic development money toward businesses owned by people of color " +
			"on the University Avenue, Cedar-Riverside and Brooklyn Park corridors, with the community setting the criteria.",
		theory: "Small merchants, cooperatives and workers are treated as the beneficiaries of development plans rather than their authors. " +
			"If they write the criteria together, and larger partners commit their access and balance sheets to those criteria, money starts " +
			"to follow the people who keep the corridors alive.",
		issues: []string{econDev, "small business", "labor"}, geography: "Frogtown, Cedar-Riverside and Brooklyn Park",
		members: []memberSeed{
			{org: "plum-tree", role: "anchor"},
			{org: "crescent-corner", role: "steering", mostImpacted: true},
			{org: "capitol-corridor", role: "steering"},
			{org: "nine-threads", role: "member", mostImpacted: true},
			{org: "frogtown-kitchen", role: "member", mostImpacted: true},
			{org: "mano-abierta", role: "member", mostImpacted: true},
			{org: "seven-harvests", role: "member", mostImpacted: true},
			{org: "zanzibar-road", role: "member", mostImpacted: true},
			{org: "riverflats-youth", role: "member", mostImpacted: true},
			{org: "twin-rivers-cdc", role: "member"},
			{org: "midway-civic", role: "supporter"},
			{org: "prairie-commons", role: "observer"},
		},
		principles: []principleSeed{
			{title: "Wealth that stays on the block",
				body: "We judge a deal by how much of its value stays with the people and businesses already on the corridor."},
			{title: "Lead with racial justice",
				body:    "White-led institutions have long been better funded and better heard. We name that and act on it.",
				revised: "Lead with racial justice and name the power",
				body2: "White-led institutions have long been better funded and better heard by decision makers. We name how race, money and access " +
					"show up in our own room, and we put BIPOC-led and most-impacted members in the seats where decisions are made."},
			{title: "Small is not junior",
				body: "A three-person cooperative is a full partner. Its time is paid for and its vote counts the same as a foundation's."},
			{title: "Credit is shared out loud",
				body: "When we win, we say who did the work, by name, starting with the members the public is least likely to hear from."},
			{title: "Many ways to organize",
				body: "Door knocking, lending, cooking and lobbying all build power. We respect each style and connect them on purpose."},
		}},
}
