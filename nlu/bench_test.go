package nlu

import (
	"fmt"
	"strings"
	"testing"

	"github.com/drivelocal/drivelocal/catalog"
)

const typicalOrder = "Bonjour, je voudrais 2 kg de tomates et une douzaine d'oeufs s'il vous plaît, merci"

func BenchmarkParseOrderSentence(b *testing.B) {
	for b.Loop() {
		ParseOrder(typicalOrder, testProducts)
	}
}

// BenchmarkParseOrderCorpus parses every order message of the corpus once
// per iteration and reports messages per second.
func BenchmarkParseOrderCorpus(b *testing.B) {
	var messages []string
	for _, e := range loadCorpus(b) {
		if e.kind == "order" || e.kind == "order-whole" {
			messages = append(messages, e.message)
		}
	}
	for b.Loop() {
		for _, m := range messages {
			ParseOrder(m, testProducts)
		}
	}
	b.ReportMetric(float64(len(messages)*b.N)/b.Elapsed().Seconds(), "msgs/s")
}

// BenchmarkParseOrderMaxInput parses a message of MaxInputBytes of order
// lines without separators.
func BenchmarkParseOrderMaxInput(b *testing.B) {
	text := strings.Repeat("2 kg tomates 1 salade ", 50)[:MaxInputBytes]
	for b.Loop() {
		ParseOrder(text, testProducts)
	}
}

// BenchmarkParseOrderLargeCatalog shows the cost of a larger product list:
// ParseOrder prepares the list on every call, so time grows with it.
func BenchmarkParseOrderLargeCatalog(b *testing.B) {
	for _, copies := range []int{1, 10, 20} {
		var products []catalog.Product
		for i := range copies {
			for _, p := range testProducts {
				p.ID += int64(i * 1000)
				products = append(products, p)
			}
		}
		b.Run(fmt.Sprintf("%d-products", len(products)), func(b *testing.B) {
			for b.Loop() {
				ParseOrder(typicalOrder, products)
			}
		})
	}
}

func BenchmarkParseMerchantReply(b *testing.B) {
	for b.Loop() {
		ParseMerchantReply("Non pour la K7P, plus de fraises désolé")
	}
}

// BenchmarkParseMerchantReplyCorpus parses every merchant message of the
// corpus once per iteration and reports messages per second.
func BenchmarkParseMerchantReplyCorpus(b *testing.B) {
	var messages []string
	for _, e := range loadCorpus(b) {
		if e.kind == "merchant" {
			messages = append(messages, e.message)
		}
	}
	for b.Loop() {
		for _, m := range messages {
			ParseMerchantReply(m)
		}
	}
	b.ReportMetric(float64(len(messages)*b.N)/b.Elapsed().Seconds(), "msgs/s")
}
