#pragma once
// Declared once, defined per program: usage/usage_a.cpp is linked into tool-a, usage/usage_b.cpp into tool-b.
int print_usage(int argc);
