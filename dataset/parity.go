package dataset

import (
	"fmt"
	"math/bits"
	"strconv"
)

// MaxParityBits bounds Parity's bit count; 2^20 rows is already 8 MB per bit.
const MaxParityBits = 20

// Parity returns every n-bit string once, in order of its integer value i,
// with features 0/1 and the parity of the bit count as label (1 for odd).
// Feature j is bit j of i, bit 0 the least significant, matching the
// project's qubit order, so row i of Parity(n) is the basis state |i⟩.
// Parity is hard for models that see one bit at a time: every single bit is
// independent of the label.
func Parity(n int) (*Dataset, error) {
	if n < 1 || n > MaxParityBits {
		return nil, fmt.Errorf("dataset: Parity bit count %d outside 1..%d", n, MaxParityBits)
	}
	rows := 1 << n
	d := &Dataset{
		Name:         "parity-" + strconv.Itoa(n),
		X:            newRows(rows, n),
		Y:            make([]int, rows),
		FeatureNames: make([]string, n),
		ClassNames:   []string{"even", "odd"},
		NumClasses:   2,
	}
	for j := range d.FeatureNames {
		d.FeatureNames[j] = "b" + strconv.Itoa(j)
	}
	for i, row := range d.X {
		for j := range row {
			row[j] = float64(i >> j & 1)
		}
		d.Y[i] = bits.OnesCount(uint(i)) & 1
	}
	return d, nil
}
