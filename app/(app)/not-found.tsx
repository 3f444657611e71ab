import { NotFound } from "@/components/shell/NotFound";

export default NotFound;
