package catalog

// Message IDs of the import, defined in locales/import.fr.toml and
// locales/import.en.toml.
const (
	// Prefixes that place a reason in its file, line and column.
	msgErrorAtColumn = "ImportErrorAtColumn"
	msgErrorAtLine   = "ImportErrorAtLine"
	msgErrorInFile   = "ImportErrorInFile"

	// Reasons about the whole file or its header.
	msgEmptyFile       = "ImportEmptyFile"
	msgWrongSeparator  = "ImportWrongSeparator"
	msgMissingColumn   = "ImportMissingColumn"
	msgUnknownColumn   = "ImportUnknownColumn"
	msgDuplicateColumn = "ImportDuplicateColumn"

	// Reasons about the syntax of a line.
	msgBareQuote       = "ImportBareQuote"
	msgUnclosedQuote   = "ImportUnclosedQuote"
	msgNotUTF8         = "ImportNotUTF8"
	msgWrongFieldCount = "ImportWrongFieldCount"

	// Reasons about a value.
	msgRequired             = "ImportRequired"
	msgDuplicateMerchantRef = "ImportDuplicateMerchantRef"
	msgDuplicateProductRef  = "ImportDuplicateProductRef"
	msgInvalidPhone         = "ImportInvalidPhone"
	msgDuplicatePhone       = "ImportDuplicatePhone"
	msgPhoneTaken           = "ImportPhoneTaken"
	msgInvalidPostalCode    = "ImportInvalidPostalCode"
	msgInvalidBoolean       = "ImportInvalidBoolean"
	msgNoFulfilment         = "ImportNoFulfilment"
	msgInvalidLatitude      = "ImportInvalidLatitude"
	msgInvalidLongitude     = "ImportInvalidLongitude"
	msgMissingCoordinate    = "ImportMissingCoordinate"
	msgInvalidPrice         = "ImportInvalidPrice"
	msgInvalidDeliveryFee   = "ImportInvalidDeliveryFee"
	msgInvalidStock         = "ImportInvalidStock"
	msgNegativeStock        = "ImportNegativeStock"
	msgFractionalStock      = "ImportFractionalStock"
	msgUnknownMerchant      = "ImportUnknownMerchant"
	msgUnknownCommune       = "ImportUnknownCommune"

	// The summary of a successful import.
	msgSummary   = "ImportSummary"
	msgMerchants = "ImportMerchants"
	msgProducts  = "ImportProducts"
	msgCreated   = "ImportCreated"
	msgUpdated   = "ImportUpdated"
)

// importMessageIDs lists every message ID above, so that a test can check
// that both message files define them all.
var importMessageIDs = []string{
	msgErrorAtColumn, msgErrorAtLine, msgErrorInFile,
	msgEmptyFile, msgWrongSeparator, msgMissingColumn, msgUnknownColumn, msgDuplicateColumn,
	msgBareQuote, msgUnclosedQuote, msgNotUTF8, msgWrongFieldCount,
	msgRequired, msgDuplicateMerchantRef, msgDuplicateProductRef, msgInvalidPhone,
	msgDuplicatePhone, msgPhoneTaken, msgInvalidPostalCode, msgInvalidBoolean, msgNoFulfilment,
	msgInvalidLatitude, msgInvalidLongitude, msgMissingCoordinate, msgInvalidPrice,
	msgInvalidDeliveryFee, msgInvalidStock, msgNegativeStock, msgFractionalStock, msgUnknownMerchant, msgUnknownCommune,
	msgSummary, msgMerchants, msgProducts, msgCreated, msgUpdated,
}
