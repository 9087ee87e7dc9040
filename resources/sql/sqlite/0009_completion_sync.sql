-- SaferHomes local schema, version 9: what a fitter records with a completed visit syncs
-- (DESIGN.md section 8; central schema 8). The synced column lists now name
-- job_item.difference_reason and attachment.job_id, so a create op carries them; an item's
-- update op carries the reason with the quantity, as below.
DROP TRIGGER job_item_update_outbox;
CREATE TRIGGER job_item_update_outbox AFTER UPDATE ON job_item
WHEN (SELECT applying FROM sync_flag) = 0
BEGIN
    INSERT INTO outbox (op_id, entity, entity_id, kind, payload, created_at)
    VALUES ((SELECT id FROM sync_new_uuid), 'job_item', new.id, 'update',
            json_object('serial', json_array(old.serial, new.serial),
                        'fitted', json_array(old.fitted, new.fitted),
                        'fitted_qty', json_array(old.fitted_qty, new.fitted_qty),
                        'difference_reason',
                        json_array(old.difference_reason, new.difference_reason)),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
