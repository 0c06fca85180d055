package catalog

// Message IDs of the communes import, defined in locales/communes.fr.toml
// and locales/communes.en.toml. Its errors also use the import's messages
// (import_messages.go).
const (
	msgInvalidInsee        = "CommunesInvalidInsee"
	msgDuplicateInsee      = "CommunesDuplicateInsee"
	msgNoCoordinateColumns = "CommunesNoCoordinateColumns"

	// The summary of a successful import.
	msgCommunesUpdated            = "CommunesUpdated"
	msgCommunesUnknown            = "CommunesUnknown"
	msgCommunesWithoutCoordinates = "CommunesWithoutCoordinates"
)

// communeMessageIDs lists the catalog's message IDs above, so that a test
// can check that both message files define them all.
var communeMessageIDs = []string{
	msgInvalidInsee, msgDuplicateInsee, msgNoCoordinateColumns,
	msgCommunesUpdated, msgCommunesUnknown, msgCommunesWithoutCoordinates,
}
