#!/usr/bin/perl
# Sisimai's own decision on a bare text, over every line of a file: Sisimai->match(TEXT), the public function that
# returns a bounce reason for an error message (it lower-cases the text and calls Sisimai::Reason->match, which tries
# each Sisimai::Reason::*::match in Sisimai's order, then the reason of the text's enhanced status code).
#   sisimai-loop.pl FILE          prints: lines<TAB>wall seconds<TAB>CPU seconds (the loop only: loading Sisimai is not timed)
#   sisimai-loop.pl FILE --each   prints the reason of each line instead, one a line
use strict;
use warnings;
use Time::HiRes qw(time);
use Sisimai;
use Sisimai::Reason;

my ($file, $each) = @ARGV;
die "usage: $0 FILE [--each]\n" unless defined $file;

# Load every module Sisimai::Reason->match can require, so that the loop times matching only.
Sisimai->match('550 5.1.1 warm-up');

open(my $in, '<', $file) or die "$file: $!\n";
if (defined $each && $each eq '--each') {
    while (my $line = <$in>) {
        chomp $line;
        my $reason = Sisimai->match($line);
        print((defined $reason && $reason ne '' ? $reason : 'undefined'), "\n");
    }
    exit 0;
}

my %reasons;
my $lines = 0;
my $started = time;
my ($user, $system) = times;
while (my $line = <$in>) {
    chomp $line;
    $reasons{Sisimai->match($line) // ''}++;
    $lines++;
}
my $seconds = time - $started;
my ($user2, $system2) = times;
printf "%d\t%.3f\t%.3f\n", $lines, $seconds, $user2 + $system2 - $user - $system;
