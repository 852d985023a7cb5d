# Brings an existing Switchboard RT database up to what the Request Tracker adapter needs, idempotently:
# databases made by an earlier initialdata.pl (or by hand) lack these. Run by setup-rt.sh at install,
# start and reset:  perl -I/usr/share/request-tracker5/lib upgrade.pl [database file]
# Prints one line per change on stderr; no output when everything is already in place.
use strict;
use warnings;
use RT;
RT::LoadConfig();
RT->Config->Set( DatabaseName => $ARGV[0] ) if $ARGV[0];
RT::Init();

my @queues = ( 'Support', 'Sales' );
my $system = RT->SystemUser;

# 1. Transaction custom field "Switchboard Key": the idempotency key of each internal note the adapter
#    writes through REST2 (customer messages carry theirs in the Message-ID header instead).
my $cf = RT::CustomField->new($system);
$cf->LoadByCols( Name => 'Switchboard Key', LookupType => 'RT::Queue-RT::Ticket-RT::Transaction', Disabled => 0 );
unless ( $cf->Id ) {
    my ( $ok, $msg ) = $cf->Create(
        Name        => 'Switchboard Key',
        Type        => 'FreeformSingle',
        LookupType  => 'RT::Queue-RT::Ticket-RT::Transaction',
        Description => 'Switchboard: idempotency key of a note written by the bridge',
    );
    die "creating custom field Switchboard Key: $msg\n" unless $ok;
    print STDERR "created transaction custom field Switchboard Key\n";
}
for my $name (@queues) {
    my $queue = RT::Queue->new($system);
    $queue->Load($name);
    next unless $queue->Id;
    next if $cf->IsAdded( $queue->Id );
    my ( $ok, $msg ) = $cf->AddToObject($queue);
    die "applying Switchboard Key to queue $name: $msg\n" unless $ok;
    print STDERR "applied Switchboard Key to queue $name\n";
}

# 2. Requestors may reply to their tickets: the adapter posts customer messages through RT's mail gateway
#    as the requester (so RT records the customer as the author), and the gateway checks this right.
for my $name (@queues) {
    my $queue = RT::Queue->new($system);
    $queue->Load($name);
    next unless $queue->Id;
    my $role = $queue->RoleGroup('Requestor');
    $role = RT::Group->new($system), $role->CreateRoleGroup( Object => $queue, Name => 'Requestor' )
        unless $role && $role->Id;
    next if $role->PrincipalObj->HasRight( Right => 'ReplyToTicket', Object => $queue );
    my ( $ok, $msg ) = $role->PrincipalObj->GrantRight( Right => 'ReplyToTicket', Object => $queue );
    die "granting ReplyToTicket to the Requestor role of $name: $msg\n" unless $ok;
    print STDERR "granted ReplyToTicket to requestors of queue $name\n";
}
