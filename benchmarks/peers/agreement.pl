#!/usr/bin/perl
# Indicative agreement on the development corpus: each peer's answer mapped to the kinds of SmtpFailureKind it can
# stand for (a Sisimai reason or a ZoneMTA category is coarser or cut differently, so one answer may stand for several
# kinds). A peer "agrees" when smtp-classify's kind is among the kinds its answer maps to, and "hits" when the
# corpus's labelled kind (or a listed alternative) is. Prints a Markdown section.
#   agreement.pl WORK CORPUS.tsv...   reads WORK/dev.sisimai, WORK/dev.zonemta, WORK/dev.ours (one answer a line, in
#                                     the order of the corpus files' replies)
use strict;
use warnings;

my ($work, @corpus) = @ARGV;

my %sisimai = (
    norelaying => 'RelayDenied',
    userunknown => 'RecipientUnknown', hostunknown => 'RecipientUnknown', hasmoved => 'RecipientUnknown',
    suspend => 'RecipientUnknown', filtered => 'RecipientUnknown SenderAddressRejected MessageRejected',
    mailboxfull => 'MailboxFull',
    mesgtoobig => 'MessageTooLarge', exceedlimit => 'MessageTooLarge',
    blocked => 'ClientBlocked',
    toomanyconn => 'RateLimited',
    rejected => 'SenderAddressRejected SenderNotAuthorized',
    spamdetected => 'MessageRejected', virusdetected => 'MessageRejected', policyviolation => 'MessageRejected',
    contenterror => 'MessageRejected',
    securityerror => 'AuthenticationRequired AuthenticationFailed SenderNotAuthorized TlsRequired TlsFailed',
    systemerror => 'ServiceUnavailable', systemfull => 'ServiceUnavailable', notaccept => 'ServiceUnavailable',
    networkerror => 'ConnectionFailed', expired => 'ConnectionFailed',
    syntaxerror => 'ProtocolError',
    mailererror => 'Unknown', onhold => 'Unknown', undefined => 'Unknown', vacation => 'Unknown', delivered => 'Unknown',
);
my %zonemta = (
    rate => 'RateLimited', greylist => 'RateLimited', slowdown => 'RateLimited',
    blacklist => 'ClientBlocked', block => 'ClientBlocked',
    spam => 'MessageRejected', virus => 'MessageRejected', message => 'MessageRejected MessageTooLarge',
    policy => 'MessageRejected', dmarc => 'MessageRejected',
    recipient => 'RecipientUnknown RecipientVerificationDeferred MailboxFull',
    capacity => 'MailboxFull ServiceUnavailable RateLimited',
    auth => 'AuthenticationRequired AuthenticationFailed',
    envelope => 'SenderAddressRejected SenderNotAuthorized RelayDenied',
    sender => 'SenderAddressRejected SenderNotAuthorized',
    config => 'ClientBlocked TlsRequired SenderAddressRejected ServiceUnavailable',
    network => 'ConnectionFailed ServiceUnavailable',
    protocol => 'ProtocolError TlsRequired TlsFailed',
    other => 'Unknown', none => 'Unknown',
);

my @labels;
for my $file (@corpus) {
    open(my $in, '<', $file) or die "$file: $!\n";
    <$in>;
    while (<$in>) {
        chomp;
        my (undef, undef, $kind, $alternatives) = split /\t/;
        push @labels, { map { $_ => 1 } $kind, grep { length } split /,/, $alternatives // '' };
    }
}

sub answers {
    my $file = shift;
    open(my $in, '<', $file) or die "$file: $!\n";
    chomp(my @a = <$in>);
    die "$file: " . @a . " answers for " . @labels . " replies\n" unless @a == @labels;
    return @a;
}
my @ours = answers("$work/dev.ours");
my %peers = (Sisimai => [answers("$work/dev.sisimai")], ZoneMTA => [answers("$work/dev.zonemta")]);
my %maps = (Sisimai => \%sisimai, ZoneMTA => \%zonemta);

my $n = @labels;
my $pct = sub { sprintf '%.1f%%', 100 * shift() / $n };
my $ourHits = grep { $labels[$_]{ $ours[$_] } } 0 .. $#labels;
my $ourUnknown = grep { $_ eq 'Unknown' } @ours;

print "## Agreement on the development corpus (indicative)\n\n";
print "Over the $n labelled replies of the development corpus, once each. Each peer's answer is mapped to the kinds it can\n";
print "stand for (the tables are in `benchmarks/peers/agreement.pl`); a coarse answer maps to several kinds, which favours\n";
print "the peer. \"Agrees\": smtp-classify's kind is among them; \"hits\": the corpus's label (or a listed alternative) is.\n";
print "The corpus was written to measure smtp-classify and includes wording taken from both peers' rule files, so\n";
print "these figures indicate, they do not rank.\n\n";
print "| Tool | Agrees with smtp-classify | Hits the label | Answers Unknown (or unmapped) |\n|---|---:|---:|---:|\n";
printf "| smtp-classify | - | %s | %s |\n", $pct->($ourHits), $pct->($ourUnknown);
for my $tool (sort keys %peers) {
    my ($agree, $hit, $unknown) = (0, 0, 0);
    for my $i (0 .. $#labels) {
        my @kinds = split / /, $maps{$tool}{ $peers{$tool}[$i] } // 'Unknown';
        $agree++ if grep { $_ eq $ours[$i] } @kinds;
        $hit++ if grep { $labels[$i]{$_} } @kinds;
        $unknown++ if "@kinds" eq 'Unknown';
    }
    printf "| %s | %s | %s | %s |\n", $tool, $pct->($agree), $pct->($hit), $pct->($unknown);
}
