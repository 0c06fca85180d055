package llm

import (
	"encoding/json"
	"testing"

	"github.com/drivelocal/drivelocal/catalog"
)

// line returns an output line from raw JSON values.
func line(product, quantity string) outputLine {
	return outputLine{Product: json.RawMessage(product), Quantity: json.RawMessage(quantity)}
}

func TestValidateLinesQuantities(t *testing.T) {
	tests := []struct {
		name string
		line outputLine
		want catalog.Quantity // 0 when the line must be dropped
	}{
		{"whole kg", line("1", "2"), 2000},
		{"fraction of kg", line("1", "0.75"), 750},
		{"grams rounded to thousandths", line("1", "0.3333"), 333},
		{"quantity as french string", line("1", `"1,5"`), 1500},
		{"quantity as string with point", line("1", `"1.5"`), 1500},
		{"product as string", line(`"3"`, "2"), 2000},
		{"whole pieces", line("3", "4"), 4000},
		{"whole pieces written 4.0", line("3", "4.0"), 4000},
		{"litres", line("6", "1.5"), 1500},
		{"dozen", line("5", "2"), 2000},
		{"zero", line("1", "0"), 0},
		{"negative", line("1", "-1"), 0},
		{"below a thousandth", line("1", "0.0004"), 0},
		{"half a piece", line("3", "0.5"), 0},
		{"half a dozen", line("5", "0.5"), 0},
		{"over stock", line("1", "13"), 0},
		{"over weighed cap", line("6", "51"), 0},
		{"nan string", line("1", `"NaN"`), 0},
		{"infinity string", line("1", `"Inf"`), 0},
		{"huge number", line("1", "1e400"), 0},
		{"quantity with unit", line("1", `"500 g"`), 0},
		{"missing quantity", outputLine{Product: json.RawMessage("1")}, 0},
		{"null quantity", line("1", "null"), 0},
		{"product zero", line("0", "1"), 0},
		{"product past the end", line("7", "1"), 0},
		{"fractional product", line("1.5", "1"), 0},
		{"product as name", line(`"tomates"`, "1"), 0},
		{"missing product", outputLine{Quantity: json.RawMessage("1")}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reading := validateLines([]outputLine{tt.line}, demoProducts())

			if tt.want == 0 {
				if len(reading.Lines) != 0 {
					t.Errorf("lines = %+v, want the line dropped", reading.Lines)
				}
				if reading.Dropped != 1 {
					t.Errorf("dropped = %d, want 1", reading.Dropped)
				}
				return
			}
			if len(reading.Lines) != 1 {
				t.Fatalf("lines = %+v, want 1 line", reading.Lines)
			}
			if reading.Lines[0].Quantity != tt.want {
				t.Errorf("quantity = %d, want %d", reading.Lines[0].Quantity, tt.want)
			}
			if reading.Dropped != 0 {
				t.Errorf("dropped = %d, want 0", reading.Dropped)
			}
		})
	}
}

func TestValidateLinesCountedCap(t *testing.T) {
	products := []catalog.Product{{ID: 1, Name: "Baguette tradition", Unit: "pièce", PriceCents: 130, Stock: 500 * catalog.One}}

	atCap := validateLines([]outputLine{line("1", "100")}, products)
	overCap := validateLines([]outputLine{line("1", "101")}, products)

	if len(atCap.Lines) != 1 {
		t.Errorf("100 pieces: lines = %+v, want it kept", atCap.Lines)
	}
	if len(overCap.Lines) != 0 {
		t.Errorf("101 pieces: lines = %+v, want dropped", overCap.Lines)
	}
}

func TestValidateLinesMergesDuplicates(t *testing.T) {
	reading := validateLines([]outputLine{line("3", "1"), line("1", "0.5"), line("3", "2")}, demoProducts())

	want := []Line{{ProductID: 105, Quantity: 3000}, {ProductID: 101, Quantity: 500}}
	if len(reading.Lines) != len(want) {
		t.Fatalf("lines = %+v, want %+v", reading.Lines, want)
	}
	for i := range want {
		if reading.Lines[i] != want[i] {
			t.Errorf("line %d = %+v, want %+v", i, reading.Lines[i], want[i])
		}
	}
	if reading.Dropped != 0 {
		t.Errorf("dropped = %d, want 0", reading.Dropped)
	}
}

func TestValidateLinesMergedOverStock(t *testing.T) {
	// The tresse d'ail has a stock of 1: each line fits, their sum does not.
	reading := validateLines([]outputLine{line("4", "1"), line("4", "1"), line("3", "1")}, demoProducts())

	if len(reading.Lines) != 1 || reading.Lines[0].ProductID != 105 {
		t.Errorf("lines = %+v, want the melon only", reading.Lines)
	}
	if reading.Dropped != 2 {
		t.Errorf("dropped = %d, want 2", reading.Dropped)
	}
}

func TestValidateLinesOutOfStock(t *testing.T) {
	products := []catalog.Product{{ID: 1, Name: "Tarte tropézienne", Unit: "pièce", PriceCents: 2400, Stock: 0}}

	reading := validateLines([]outputLine{line("1", "1")}, products)

	if len(reading.Lines) != 0 {
		t.Errorf("lines = %+v, want none for a product out of stock", reading.Lines)
	}
	if reading.Dropped != 1 {
		t.Errorf("dropped = %d, want 1", reading.Dropped)
	}
}
