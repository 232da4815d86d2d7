// Compiled once per test area to build the precompiled header its tests reuse.
