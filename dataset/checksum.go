package dataset

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"math"
)

// SHA256 returns the hex SHA-256 of d's numbers, so benchmark reports can
// pin exactly which data a model saw. Names (dataset, features, classes) are
// not hashed: renaming a column does not change the checksum, any change to a
// value, label or sample order does.
//
// The hashed bytes, all little-endian, are: the row count and the column count
// as uint64; every X value as its IEEE-754 float64 bits, row by row; then, if
// Y is non-nil, the byte 'Y', NumClasses as uint64 and every label as int64;
// then, if Targets is non-nil, the byte 'T' and every target's float64 bits.
// Note that 0 and -0 hash differently.
func (d *Dataset) SHA256() string {
	h := sha256.New()
	var buf [8]byte
	putU64 := func(v uint64) {
		binary.LittleEndian.PutUint64(buf[:], v)
		h.Write(buf[:])
	}
	putU64(uint64(d.Len()))
	putU64(uint64(d.Dim()))
	row := make([]byte, 8*d.Dim())
	for _, x := range d.X {
		row = row[:0]
		for _, v := range x {
			row = binary.LittleEndian.AppendUint64(row, math.Float64bits(v))
		}
		h.Write(row)
	}
	if d.Y != nil {
		h.Write([]byte{'Y'})
		putU64(uint64(d.NumClasses))
		for _, c := range d.Y {
			putU64(uint64(int64(c)))
		}
	}
	if d.Targets != nil {
		h.Write([]byte{'T'})
		for _, v := range d.Targets {
			putU64(math.Float64bits(v))
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}
