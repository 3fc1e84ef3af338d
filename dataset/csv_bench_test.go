package dataset

import (
	"bytes"
	"os"
	"testing"
)

// BenchmarkReadCSVDigits parses the embedded gzip digits file (1797×65).
func BenchmarkReadCSVDigits(b *testing.B) {
	raw, err := embedded.ReadFile("data/digits.csv.gz")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		if _, err := ReadCSV(bytes.NewReader(raw), "digits", CSVOptions{LabelIndex: -1}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadCSVMNIST loads the shared 10000×785 MNIST test file.
func BenchmarkLoadCSVMNIST(b *testing.B) {
	if _, err := os.Stat(mnistTest); err != nil {
		b.Skip("no", mnistTest)
	}
	for b.Loop() {
		if _, err := LoadCSV(mnistTest, CSVOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
