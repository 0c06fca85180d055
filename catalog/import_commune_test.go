package catalog

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/drivelocal/drivelocal/postgres/pgtest"
)

const merchantsHeader = "ref;nom;categorie;telephone;commune;code_postal;adresse;latitude;longitude;drive;livraison\n"

func importMerchantLine(t *testing.T, line string) error {
	t.Helper()
	db := pgtest.PoolWithCommunes(t, "catalog")
	_, err := Import(context.Background(), db, &ImportFile{Name: "commercants.csv",
		Reader: strings.NewReader(merchantsHeader + line + "\n")}, nil)
	return err
}

func TestImportRejectsUnknownCommune(t *testing.T) {
	cases := map[string]string{
		"typo":            "casis;Casis Shop;primeur;06 00 00 09 01;Casis;13260;1 rue;;;oui;non",
		"invented":        "atl;Atlantis Shop;primeur;06 00 00 09 02;Atlantis;13260;1 rue;;;oui;non",
		"wrong code":      "cas;Cassis Shop;primeur;06 00 00 09 03;Cassis;75001;1 rue;;;oui;non",
		"other commune's": "cas2;Cassis Shop;primeur;06 00 00 09 04;Cassis;13009;1 rue;;;oui;non",
	}
	for name, line := range cases {
		t.Run(name, func(t *testing.T) {
			err := importMerchantLine(t, line)
			var invalid *ImportErrors
			if !errors.As(err, &invalid) {
				t.Fatalf("import error = %v, want *ImportErrors", err)
			}
			if len(invalid.Errors) != 1 || invalid.Errors[0].Column != "commune" || invalid.Errors[0].MessageID != msgUnknownCommune {
				t.Errorf("errors = %+v, want one unknown commune in column commune", invalid.Errors)
			}
		})
	}
}

func TestImportAcceptsReferenceCommune(t *testing.T) {
	for _, line := range []string{
		"cas;Cassis Shop;primeur;06 00 00 09 05;Cassis;13260;1 rue;;;oui;non",
		"aix;Aix Shop;primeur;06 00 00 09 06;Aix-en-Provence;13090;1 rue;;;oui;non",
		"srp;Saint-Rémy Shop;primeur;06 00 00 09 07;St Remy de Provence;13210;1 rue;;;oui;non",
	} {
		if err := importMerchantLine(t, line); err != nil {
			t.Errorf("import %q: %v", line, err)
		}
	}
}
