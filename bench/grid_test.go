package bench

import (
	"fmt"
	"slices"
	"testing"
)

func TestParseShard(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Shard
		ok   bool
	}{
		{"0/3", Shard{0, 3}, true},
		{"2/3", Shard{2, 3}, true},
		{" 0 / 1 ", Shard{0, 1}, true},
		{"3/3", Shard{}, false},
		{"-1/3", Shard{}, false},
		{"1/0", Shard{}, false},
		{"1", Shard{}, false},
		{"a/b", Shard{}, false},
	} {
		got, err := ParseShard(tc.in)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("ParseShard(%q) = %v, %v; want %v, ok %v", tc.in, got, err, tc.want, tc.ok)
		}
	}
}

// TestShardOfPartition checks that the n shards of a grid are disjoint,
// cover it, differ in size by at most one, and are the same on every call.
func TestShardOfPartition(t *testing.T) {
	var grid []Cell
	for i := range 23 {
		grid = append(grid, Cell{Dataset: fmt.Sprint(i % 3), Model: fmt.Sprint(i / 3), Seed: uint64(i)})
	}
	for n := 1; n <= 7; n++ {
		seen := map[string]int{}
		lo, hi := len(grid), 0
		for i := range n {
			part := ShardOf(grid, Shard{i, n})
			if again := ShardOf(grid, Shard{i, n}); !slices.Equal(part, again) {
				t.Errorf("shard %d/%d differs between calls", i, n)
			}
			lo, hi = min(lo, len(part)), max(hi, len(part))
			for _, c := range part {
				seen[c.ID()]++
			}
		}
		if len(seen) != len(grid) || hi-lo > 1 {
			t.Errorf("n=%d: shards cover %d of %d cells, sizes %d…%d", n, len(seen), len(grid), lo, hi)
		}
		for id, k := range seen {
			if k != 1 {
				t.Errorf("n=%d: cell %s in %d shards", n, id, k)
			}
		}
	}
}
