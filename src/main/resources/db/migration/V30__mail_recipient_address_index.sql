-- A delivery report names an address, not a member (mail/MailBounces): find its members without reading them all.
create index mail_recipient_address_idx on mail_recipient (lower(address));
