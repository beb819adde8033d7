package demo

// Word lists for synthetic records.
var (
	genPlaces      = []string{"Northside", "East Side", "Phillips", "Frogtown", "Cedar", "Riverside", "Midway", "Bluff", "Lakeview", "Prairie", "Corridor", "Harbor", "Summit", "Hillcrest", "Riverbend", "Oak Park", "Westgate", "Marigold", "Elm Street", "Junction"}
	genFocus       = []string{"Tenants", "Riders", "Workers", "Neighbors", "Families", "Youth", "Elders", "Merchants", "Growers", "Makers", "Renters", "Parents", "Artists", "Cooks", "Drivers"}
	genForms       = []string{"Union", "Collective", "Network", "Council", "Circle", "Alliance", "Project", "Center", "Fund", "Cooperative", "Table", "Institute", "Partnership", "Association", "League"}
	genGeographies = []string{northside, eastSide, phillips, frogtown, cedar, brooklynPk, midway, region, "Powderhorn", "North Minneapolis", "West Side", "Richfield"}
	genIssues      = []string{housing, transit, econDev, "labor", "food", "youth", "climate", "immigrant rights", "disability justice", "education"}
	genLanguages   = []string{"Spanish", "Somali", "Hmong", "Oromo", "Karen", "Amharic", "Vietnamese", "Ojibwe", "Dakota"}
	genSkills      = []string{"grassroots organizing", "lobbying", "legal analysis", "facilitation", "translation", "research", "communications", "fundraising", "data analysis", "direct action", "youth leadership", "cooperative development"}
	genTitles      = []string{"Organizer", "Director", "Volunteer", "Board member", "Coordinator", "Member leader", "Staff"}
	genFirstNames  = []string{"Amina", "Tou", "Rosa", "Keisha", "Erik", "Hodan", "Pa Nhia", "Mateo", "Chaltu", "Saw", "Naw", "Imani", "Greg", "Lucía", "Abdi", "Mai", "Javier", "Tasha", "Kou", "Claire", "Omar", "Lensa", "Darnell", "Bao", "Priya", "Sagal", "Yeng", "Molly", "Dolores", "Hawi"}
	genLastNames   = []string{"Abdi", "Vang", "Guzmán", "Banks", "Sundberg", "Yusuf", "Lor", "Hernández", "Gemechu", "Htoo", "Paw", "Brooks", "Lindqvist", "Paredes", "Tolera", "Xiong", "Ortega", "Freeman", "Thao", "Dahl", "Aden", "Dinsa", "Price", "Moua", "Raman", "Hirsi", "Her", "Brennan", "Ruiz", "Bekele"}
)
