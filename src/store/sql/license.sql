-- One license with its structured terms (aperture license <id>).
SELECT l.*, (SELECT count(*) FROM releases r WHERE r.license_id = l.id) AS releases
FROM licenses l WHERE l.id = $id
