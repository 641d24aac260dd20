package paint

import "slices"

// MaxCachedLevels bounds the levels a Cache keeps: the full-detail level
// alone holds tens of megabytes, and a reader rarely jumps between more
// than a few.
const MaxCachedLevels = 2

// Cache keeps what was built for the MaxCachedLevels simplification levels
// used last. The zero value is empty and ready.
type Cache[T any] struct {
	levels map[int]T
	use    []int // levels held, least recently used first
}

// Get returns the level's value, built with build on first use; the least
// recently used level beyond MaxCachedLevels is dropped.
func (c *Cache[T]) Get(level int, build func(level int) T) T {
	c.use = slices.DeleteFunc(c.use, func(l int) bool { return l == level })
	c.use = append(c.use, level)
	for len(c.use) > MaxCachedLevels {
		delete(c.levels, c.use[0])
		c.use = c.use[1:]
	}
	if v, ok := c.levels[level]; ok {
		return v
	}
	if c.levels == nil {
		c.levels = map[int]T{}
	}
	v := build(level)
	c.levels[level] = v
	return v
}

// Drop forgets every level: the features or the palette changed.
func (c *Cache[T]) Drop() { c.levels, c.use = nil, nil }
