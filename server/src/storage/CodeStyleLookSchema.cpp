#include "storage/CodeStyleLookSchema.h"

namespace citycode::server {

std::vector<std::string> CodeStyleLookSchema::statements()
{
    return {
        // The defaults are the look every code had before styles carried it: QR Code at level M,
        // the standard 4-module quiet zone, 4 pixels a module (002 §6.2: at least 3), printed
        // 3 cm wide, no logo area.
        "ALTER TABLE code_styles ADD COLUMN symbology TEXT NOT NULL DEFAULT 'qr'"
        " CHECK (symbology IN ('qr', 'gridmatrix'))",
        "ALTER TABLE code_styles ADD COLUMN ec_level TEXT NOT NULL DEFAULT 'M'"
        " CHECK (ec_level IN ('L', 'M', 'Q', 'H'))",
        "ALTER TABLE code_styles ADD COLUMN quiet_zone_modules INTEGER NOT NULL DEFAULT 4",
        "ALTER TABLE code_styles ADD COLUMN module_pixels INTEGER NOT NULL DEFAULT 4",
        "ALTER TABLE code_styles ADD COLUMN print_size_mm INTEGER NOT NULL DEFAULT 30",
        // The share of the symbol cleared for the logo in millionths (the API's logoAreaFraction):
        // an integer reads back exactly on both databases, where a floating column would not.
        "ALTER TABLE code_styles ADD COLUMN logo_area_ppm INTEGER NOT NULL DEFAULT 0"
        " CHECK (logo_area_ppm BETWEEN 0 AND 1000000)",
        // A logo stored before this migration was shown by the designer at the whole logo budget
        // of level M (common::logoAreaBudget, 2 %); keep showing it so.
        "UPDATE code_styles SET logo_area_ppm = 20000 WHERE logo_png_base64 <> ''",
    };
}

} // namespace citycode::server
