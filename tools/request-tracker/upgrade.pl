# Brings an existing Switchboard RT database up to what the Request Tracker adapter needs, idempotently:
# databases made by an earlier initialdata.pl (or by hand) lack these. Run by setup-rt.sh at install,
# start and reset:  perl -I/usr/share/request-tracker5/lib upgrade.pl [database file]
# Prints one line per change on stderr; no output when everything is already in place. Steps: 1 Switchboard
# Key, 2 ReplyToTicket for requestors, 3-5 and 7 webhook scrip keys, 6 the example fields for field sync.
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

# 3. The webhook scrip tells whether the author is privileged (only privileged users' correspondence is an
#    agent reply: customers are unprivileged) and sends the HTML of HTML-only messages (RT's rich-text
#    editor), which the adapter turns into text itself.
my $scrip = RT::Scrip->new($system);
$scrip->LoadByCols( Description => 'Switchboard webhook' );
if ( $scrip->Id && ( $scrip->CustomCommitCode // '' ) !~ /creator_privileged/ ) {
    my $code = $scrip->CustomCommitCode;
    $code =~ s/(\n([ \t]*)creator[ \t]*=>[ \t]*\$txn->CreatorObj->Name,)/$1\n$2creator_privileged => \$txn->CreatorObj->Privileged ? JSON::true : JSON::false,/
        or die "the Switchboard webhook scrip has no 'creator => \$txn->CreatorObj->Name,' line to extend\n";
    $code =~ s/(\n([ \t]*)\$body\{content\} = \$txn->Content\(Type => 'text\/plain'\);)/$1\n$2my \$part = \$txn->ContentObj;\n$2\$body{content_html} = \$part->Content if \$part && lc(\$part->ContentType) eq 'text\/html';/
        or die "the Switchboard webhook scrip has no '\$body{content} = ...' line to extend\n";
    my ( $ok, $msg ) = $scrip->SetCustomCommitCode($code);
    die "updating the Switchboard webhook scrip: $msg\n" unless $ok;
    print STDERR "webhook scrip: added creator_privileged and content_html\n";
}

# 4. The webhook scrip sends merges (AddLink MergedInto, whose new value names the surviving ticket) and
#    the conversation id: the ticket's own, else that of the first ticket merged into it that has one.
$scrip = RT::Scrip->new($system);
$scrip->LoadByCols( Description => 'Switchboard webhook' );
if ( $scrip->Id && ( $scrip->CustomCommitCode // '' ) !~ /conversation_id/ ) {
    my $code = $scrip->CustomCommitCode;
    my $block = <<'BLOCK';
# The conversation of this ticket: its own Conversation Id, else that of the first ticket merged into it
# that has one (RT shows a merged ticket's transactions under the surviving ticket).
my $conversation = ref $cf{'Conversation Id'} ? $cf{'Conversation Id'}[0] : $cf{'Conversation Id'};
unless (defined $conversation && length $conversation) {
    for my $id (sort { $a <=> $b } grep { $_ != $ticket->Id } $ticket->Merged) {
        my $merged = RT::Ticket->new(RT->SystemUser);
        $merged->LoadByCols(id => $id);
        my $value = $merged->Id ? $merged->FirstCustomFieldValue('Conversation Id') : undef;
        if (defined $value && length $value) { $conversation = $value; last }
    }
}
BLOCK
    $code =~ s/(\nmy \@requestors = [^\n]*\n)/$1$block/
        or die "the Switchboard webhook scrip has no 'my \@requestors = ...' line to extend\n";
    $code =~ s/\|SetWatcher\)\$\//|SetWatcher|AddLink)\$\//
        or die "the Switchboard webhook scrip has no transaction type list ending in SetWatcher\n";
    $code =~ s/(\n([ \t]*)custom_fields[ \t]*=>[ \t]*\\%cf,)/$1\n$2conversation_id => \$conversation,/
        or die "the Switchboard webhook scrip has no 'custom_fields => \\%cf,' line to extend\n";
    my ( $ok, $msg ) = $scrip->SetCustomCommitCode($code);
    die "updating the Switchboard webhook scrip: $msg\n" unless $ok;
    print STDERR "webhook scrip: added merges (AddLink) and conversation_id\n";
}

# 5. The webhook scrip sends the transaction's own ticket (ObjectId): RT runs a merged ticket's batch with
#    the surviving ticket (it loads tickets by their EffectiveId), so ticket_id alone names the survivor.
$scrip = RT::Scrip->new($system);
$scrip->LoadByCols( Description => 'Switchboard webhook' );
if ( $scrip->Id && ( $scrip->CustomCommitCode // '' ) !~ /object_id/ ) {
    my $code = $scrip->CustomCommitCode;
    $code =~ s/(\n([ \t]*)transaction_id[ \t]*=>[ \t]*\$txn->Id \+ 0,)/$1\n$2object_id      => \$txn->ObjectId + 0,/
        or die "the Switchboard webhook scrip has no 'transaction_id => \$txn->Id + 0,' line to extend\n";
    my ( $ok, $msg ) = $scrip->SetCustomCommitCode($code);
    die "updating the Switchboard webhook scrip: $msg\n" unless $ok;
    print STDERR "webhook scrip: added object_id\n";
}

# 6. Example fields for field sync (the docs map them): ticket custom fields Last Order Date, Last Order Status
#    and Labels (multiple values) applied to the queues, and the user custom fields Customer Email (the
#    customer's real address: RT's EmailAddress holds the adapter's .invalid placeholder) and Preferred
#    Language. Existing fields of these names are kept as they are.
my @fields = (
    [ 'Last Order Date',    'DateTime', 1, 'RT::Queue-RT::Ticket', [] ],
    [ 'Last Order Status',  'Select',   1, 'RT::Queue-RT::Ticket', [qw(placed paid fulfilled cancelled refunded)] ],
    [ 'Labels',             'Freeform', 0, 'RT::Queue-RT::Ticket', [] ],
    [ 'Customer Email',     'Freeform', 1, 'RT::User', [] ],
    [ 'Preferred Language', 'Freeform', 1, 'RT::User', [] ],
);
for my $field (@fields) {
    my ( $name, $type, $max, $lookup, $values ) = @$field;
    my $cf = RT::CustomField->new($system);
    $cf->LoadByCols( Name => $name, LookupType => $lookup, Disabled => 0 );
    unless ( $cf->Id ) {
        my ( $ok, $msg ) = $cf->Create( Name => $name, Type => $type, MaxValues => $max, LookupType => $lookup,
            Description => "Switchboard: $name" );
        die "creating custom field $name: $msg\n" unless $ok;
        my $order = 0;
        for my $value (@$values) {
            my ( $added, $why ) = $cf->AddValue( Name => $value, SortOrder => $order++ );
            die "adding value $value to custom field $name: $why\n" unless $added;
        }
        print STDERR "created custom field $name ($lookup)\n";
    }
    if ( $lookup eq 'RT::User' ) {
        next if $cf->IsAdded(0);
        my ( $ok, $msg ) = $cf->AddToObject( RT::User->new($system) );
        die "applying $name to users: $msg\n" unless $ok;
        print STDERR "applied $name to users\n";
        next;
    }
    for my $name_of_queue (@queues) {
        my $queue = RT::Queue->new($system);
        $queue->Load($name_of_queue);
        next unless $queue->Id;
        next if $cf->IsAdded( $queue->Id ) || $cf->IsGlobal;
        my ( $ok, $msg ) = $cf->AddToObject($queue);
        die "applying $name to queue $name_of_queue: $msg\n" unless $ok;
        print STDERR "applied $name to queue $name_of_queue\n";
    }
}

# 7. The webhook scrip sends the definition of a changed custom field (field_id, field_type,
#    field_max_values): a multi-value field's FieldChange carries its whole list (from custom_fields), and
#    the adapter reads neither the field nor the ticket back while RT waits for the answer.
$scrip = RT::Scrip->new($system);
$scrip->LoadByCols( Description => 'Switchboard webhook' );
if ( $scrip->Id && ( $scrip->CustomCommitCode // '' ) !~ /field_max_values/ ) {
    my $code = $scrip->CustomCommitCode;
    my $line = '@body{qw(field_id field_type field_max_values)} = ($f->Id + 0, $f->Type, $f->MaxValues + 0) if $f->Id;';
    $code =~ s/(\n([ \t]*)\$body\{field\} = \$f->Name if \$f->Id;)/$1\n$2$line/
        or die "the Switchboard webhook scrip has no '\$body{field} = \$f->Name if \$f->Id;' line to extend\n";
    my ( $ok, $msg ) = $scrip->SetCustomCommitCode($code);
    die "updating the Switchboard webhook scrip: $msg\n" unless $ok;
    print STDERR "webhook scrip: added field_id, field_type and field_max_values\n";
}
